namespace ZenWebsocket.Deribit;

/// <summary>How the adapter proves its identity in <c>public/auth</c>.</summary>
public enum DeribitAuthMethod
{
    /// <summary>Grant <c>client_signature</c>: an HMAC-SHA256 signature, the secret never leaves the process (the default).</summary>
    ClientSignature = 0,

    /// <summary>Grant <c>client_credentials</c>: the client id and secret are sent over the TLS connection.</summary>
    ClientCredentials = 1,
}
