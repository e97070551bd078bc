namespace ZenWebsocket;

/// <summary>A response whose id matched no pending request.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Message">The whole message.</param>
public readonly record struct UnmatchedResponse(long? Id, ZenMessage Message);
