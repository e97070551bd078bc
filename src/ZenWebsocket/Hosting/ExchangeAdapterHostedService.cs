using Microsoft.Extensions.Hosting;

namespace ZenWebsocket;

/// <summary>Starts an adapter with the host and stops it with the host; the container disposes it.</summary>
/// <typeparam name="TAdapter">The adapter type.</typeparam>
internal sealed class ExchangeAdapterHostedService<TAdapter>(TAdapter adapter) : IHostedService
    where TAdapter : ExchangeAdapter
{
    /// <summary>Waits until the adapter is ready, so the application starts with a working connection (or fails to
    /// start with the real error when the first connect fails and the policy does not retry it).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => adapter.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => adapter.StopAsync(cancellationToken);
}
