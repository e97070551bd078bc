using Microsoft.Extensions.Hosting;

namespace ZenWebsocket.Testing;

/// <summary>
/// Replaces the console lifetime: an embedded test server must not hook Ctrl+C or SIGTERM, or it
/// would swallow the host application's own shutdown signal.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
