namespace ZenWebsocket;

/// <summary>How <see cref="RecordingFile.ReplayAsync"/> spaces the entries it hands out.</summary>
public enum ReplayPacing
{
    /// <summary>One after the other, without waiting.</summary>
    AsFastAsPossible,

    /// <summary>With the gaps they were recorded with, waited on the given <see cref="TimeProvider"/>.</summary>
    Original,
}
