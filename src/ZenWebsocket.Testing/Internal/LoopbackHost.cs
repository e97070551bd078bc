using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Testing;

/// <summary>The Kestrel host every server of the kit runs on: 127.0.0.1, HTTP/1.1, one request handler.</summary>
internal static class LoopbackHost
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Starts a host and returns it with the port it bound.</summary>
    /// <param name="port">The port, 0 for any free one.</param>
    /// <param name="handler">Handles every request.</param>
    /// <param name="configureListen">Adds connection middleware or TLS to the listener.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<(WebApplication App, int Port)> StartAsync(int port, RequestDelegate handler, Action<ListenOptions>? configureListen, CancellationToken cancellationToken)
    {
        // The empty builder, not the slim one: no configuration files (one file watcher per server would exhaust
        // inotify instances in a large test run), no logging providers, no environment-driven URLs, and no console
        // lifetime (an embedded server must not take the host application's Ctrl+C).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                configureListen?.Invoke(listen);
            });
        });

        var app = builder.Build();
        app.Run(handler);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address).Port);
    }

    /// <summary>Stops and disposes a host, waiting a bounded real time for requests to finish.</summary>
    /// <param name="app">The host, or null when it never started.</param>
    public static async Task StopAsync(WebApplication? app)
    {
        if (app is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StopTimeout, TimeProvider.System);
        try
        {
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Kestrel has aborted whatever did not finish in time; that is all we need.
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }
}
