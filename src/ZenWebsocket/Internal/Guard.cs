namespace ZenWebsocket;

/// <summary>Option validation helpers: every failure names the option and its allowed range.</summary>
internal static class Guard
{
    public static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive, finite duration.");
        }
    }

    public static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }

    public static void AtLeastOne(int? value, string name)
    {
        if (value is < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1 when set (null means unlimited).");
        }
    }
}
