namespace ZenWebsocket.Deribit;

/// <summary>A Deribit API key: the client id and its secret. <see cref="ToString"/> never shows the secret.</summary>
public sealed class DeribitCredentials
{
    /// <summary>Initializes new credentials.</summary>
    /// <param name="clientId">The API key's client id.</param>
    /// <param name="clientSecret">The API key's client secret.</param>
    /// <exception cref="ArgumentException">Either value is null or empty.</exception>
    public DeribitCredentials(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; }

    /// <summary>Gets the client secret. Used only to sign or to send in <c>public/auth</c>.</summary>
    internal string ClientSecret { get; }

    /// <summary>Returns a description with the secret redacted.</summary>
    /// <returns>The client id and <c>***</c> for the secret.</returns>
    public override string ToString() => $"DeribitCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
