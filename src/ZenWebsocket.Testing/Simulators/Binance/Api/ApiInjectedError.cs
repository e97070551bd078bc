namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>An error the next request of a method answers with (a fault switch).</summary>
/// <param name="Status">The envelope status, e.g. 400, 408 or 503.</param>
/// <param name="Code">The Binance code, e.g. -1007.</param>
/// <param name="Message">The error message.</param>
/// <param name="Execute">Whether the request is executed before the error is answered (outcome unknown to the client).</param>
internal sealed record ApiInjectedError(int Status, int Code, string Message, bool Execute);
