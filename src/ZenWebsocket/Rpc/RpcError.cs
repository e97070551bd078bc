namespace ZenWebsocket;

/// <summary>An error an exchange returned for a request.</summary>
/// <param name="Code">The exchange's error code.</param>
/// <param name="Message">The exchange's error text.</param>
/// <param name="Data">The raw JSON of extra error data, if any.</param>
/// <param name="Status">The HTTP-like status, for dialects that carry one.</param>
public sealed record RpcError(long Code, string Message, string? Data, int? Status = null);
