namespace ZenWebsocket;

/// <summary>Authentication was refused or expired; reconnection stops rather than hammer with bad credentials.</summary>
public sealed class ZenAuthenticationException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the venue said, without any secret.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Authentication;

    /// <inheritdoc />
    public override bool IsTransient => false;

    /// <inheritdoc />
    public override string Explain() =>
        "The venue refused the credentials. Check the API key and secret, their permissions (scopes), the clock (signed timestamps), and any IP allow-list.";
}
