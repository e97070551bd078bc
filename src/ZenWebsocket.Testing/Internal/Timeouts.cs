namespace ZenWebsocket.Testing;

/// <summary>Argument checks shared by every wait method.</summary>
internal static class Timeouts
{
    public static void Validate(TimeSpan timeout, string paramName = "timeout")
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, timeout, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
