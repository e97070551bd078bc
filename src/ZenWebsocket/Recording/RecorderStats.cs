namespace ZenWebsocket;

/// <summary>What a <see cref="SessionRecorder"/> has done so far.</summary>
/// <param name="EntriesWritten">Entries written to the file (flushed or not).</param>
/// <param name="BytesWritten">Bytes written to the file, newlines included.</param>
/// <param name="Dropped">Entries dropped because the buffer was full or the file failed.</param>
/// <param name="Flushes">How many times the file was flushed.</param>
public readonly record struct RecorderStats(long EntriesWritten, long BytesWritten, long Dropped, long Flushes);
