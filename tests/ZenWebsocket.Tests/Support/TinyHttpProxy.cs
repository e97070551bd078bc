using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ZenWebsocket.Tests.Support;

/// <summary>
/// A minimal HTTP forward proxy for the proxy tests: CONNECT tunnels and absolute-form requests, each connection piped
/// to its upstream. It records what it was asked, so a test can prove the client really went through it.
/// </summary>
public sealed class TinyHttpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requestLines = [];
    private readonly Task _accepting;

    public TinyHttpProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<string> RequestLines
    {
        get
        {
            lock (_requestLines)
            {
                return [.. _requestLines];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var downstream = client.GetStream();
        var head = await ReadHeadAsync(downstream);
        var lines = head.Split("\r\n");
        lock (_requestLines)
        {
            _requestLines.Add(lines[0]);
        }

        var parts = lines[0].Split(' ');
        using var upstream = new TcpClient();
        if (parts[0] == "CONNECT")
        {
            var target = parts[1].Split(':');
            await upstream.ConnectAsync(target[0], int.Parse(target[1], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
            await downstream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
        }
        else
        {
            var uri = new Uri(parts[1]);
            await upstream.ConnectAsync(uri.Host, uri.Port, _stop.Token);
            lines[0] = $"{parts[0]} {uri.PathAndQuery} {parts[2]}";
            await upstream.GetStream().WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", lines)), _stop.Token);
        }

        var up = upstream.GetStream();
        await Task.WhenAny(downstream.CopyToAsync(up, _stop.Token), up.CopyToAsync(downstream, _stop.Token));
    }

    /// <summary>Reads up to and including the blank line that ends the request head, byte by byte (it is small).</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
