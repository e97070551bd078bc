namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Deribit's error codes and their wire messages (A.9, the complete table).</summary>
internal static class ErrorCodes
{
    public const int AuthorizationRequired = 10000;
    public const int QtyTooLow = 10002;
    public const int OrderNotFound = 10004;
    public const int NotEnoughFunds = 10009;
    public const int AlreadyClosed = 10010;
    public const int InvalidInstrument = 10020;
    public const int TooManyRequests = 10028;
    public const int MustBeWebSocket = 10030;
    public const int PriceWrongTick = 10043;
    public const int InvalidArguments = 11029;
    public const int NotOpenOrder = 11044;
    public const int BadRequest = 11050;
    public const int SystemMaintenance = 11051;
    public const int PostOnlyReject = 11054;
    public const int InternalServerError = 11094;
    public const int InvalidCredentials = 13004;
    public const int Unauthorized = 13009;
    public const int Forbidden = 13021;
    public const int CodNotEnabled = 13042;
    public const int RawNeedsAuth = 13778;
    public const int TimedOut = 13888;
    public const int EntityTooLarge = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int ParseError = -32700;
    public const int MissingParams = -32000;

    public static string MessageOf(int code) => code switch
    {
        AuthorizationRequired => "authorization_required",
        QtyTooLow => "qty_too_low",
        OrderNotFound => "order_not_found",
        NotEnoughFunds => "not_enough_funds",
        AlreadyClosed => "already_closed",
        InvalidInstrument => "invalid_or_unsupported_instrument",
        TooManyRequests => "too_many_requests",
        MustBeWebSocket => "must_be_websocket_request",
        PriceWrongTick => "price_wrong_tick",
        InvalidArguments => "invalid_arguments",
        NotOpenOrder => "not_open_order",
        BadRequest => "bad_request",
        SystemMaintenance => "system_maintenance",
        PostOnlyReject => "post_only_reject",
        InternalServerError => "internal_server_error",
        InvalidCredentials => "invalid_credentials",
        Unauthorized => "unauthorized",
        Forbidden => "forbidden",
        CodNotEnabled => "cod_not_enabled",
        RawNeedsAuth => "raw_subscriptions_not_available_for_unauthorized",
        TimedOut => "timed_out",
        EntityTooLarge => "request entity too large",
        MethodNotFound => "Method not found",
        InvalidParams => "Invalid params",
        ParseError => "Parse error",
        MissingParams => "Missing params",
        _ => "error",
    };
}
