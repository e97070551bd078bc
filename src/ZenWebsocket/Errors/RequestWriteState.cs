namespace ZenWebsocket;

/// <summary>Whether a request reached the socket before its connection was lost.</summary>
public enum RequestWriteState
{
    /// <summary>The request was never written: it cannot have been executed.</summary>
    NotWritten,

    /// <summary>The request was written: the server may have executed it.</summary>
    Written,

    /// <summary>The connection died during the write: the server may or may not have received it.</summary>
    Unknown,
}
