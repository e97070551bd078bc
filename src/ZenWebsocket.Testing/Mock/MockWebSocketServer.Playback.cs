namespace ZenWebsocket.Testing;

public sealed partial class MockWebSocketServer
{
    /// <summary>
    /// Sends the server's side of a ZenWebsocket session recording to a client: every inbound (<c>"dir":"in"</c>)
    /// text and binary message, in file order, so a captured production incident can be replayed in a test.
    /// Outbound entries and control frames are skipped (pings and pongs are the runtime's business; end the
    /// connection yourself to replay a close).
    /// </summary>
    /// <param name="connection">The connection to send on.</param>
    /// <param name="path">The recording (JSON Lines). Blank and invalid lines are skipped.</param>
    /// <param name="options">Pacing and connection filter; <see langword="null"/> for the defaults of <see cref="PlaybackOptions"/>.</param>
    /// <param name="cancellationToken">Stops the playback.</param>
    /// <returns>Completes when the last message has been written.</returns>
    /// <exception cref="FormatException">A binary entry's data is not valid base64.</exception>
    public async ValueTask PlayRecordingAsync(MockConnection connection, string path, PlaybackOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new PlaybackOptions();
        var time = options.TimeProvider ?? TimeProvider;
        RecordedLine? previous = null;
        await foreach (var line in RecordingLineReader.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (!line.Inbound || line.Type is not ("text" or "binary") || (options.ConnectionId is { } id && line.ConnectionId != id))
            {
                continue;
            }

            if (options.OriginalPacing && previous is { } before && RecordingLineReader.Gap(before, line) is var gap && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, time, cancellationToken).ConfigureAwait(false);
            }

            if (line.Type == "text")
            {
                await connection.SendTextAsync(line.Data, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await connection.SendBinaryAsync(Convert.FromBase64String(line.Data), cancellationToken).ConfigureAwait(false);
            }

            previous = line;
        }
    }
}
