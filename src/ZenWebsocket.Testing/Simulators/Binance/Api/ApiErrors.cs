namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Binance error codes and fixed messages the engine answers with (B.9).</summary>
internal static class ApiErrors
{
    public const int Unknown = -1000;
    public const int TooManyRequests = -1003;
    public const int InvalidMessage = -1013;
    public const int TooManyOrders = -1015;
    public const int InvalidTimestamp = -1021;
    public const int InvalidSignature = -1022;
    public const int IllegalChars = -1100;
    public const int TooManyParameters = -1101;
    public const int MandatoryParam = -1102;
    public const int UnknownParam = -1103;
    public const int ParamEmpty = -1105;
    public const int ParamNotRequired = -1106;
    public const int InvalidTimeInForce = -1115;
    public const int InvalidOrderType = -1116;
    public const int InvalidSide = -1117;
    public const int BadSymbol = -1121;
    public const int BadRecvWindow = -1131;
    public const int NewOrderRejected = -2010;
    public const int CancelRejected = -2011;
    public const int NoSuchOrder = -2013;
    public const int RejectedKey = -2015;
    public const int SubscriptionActive = -2035;
    public const int SubscriptionInactive = -2036;
    public const int MaximumSubscriptionIds = -2042;

    public const string RejectedKeyMessage = "Invalid API-key, IP, or permissions for action.";
    public const string DecimalPattern = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
}
