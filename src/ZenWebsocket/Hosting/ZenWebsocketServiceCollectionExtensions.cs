using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZenWebsocket;

/// <summary>Registers exchange adapters with a <see cref="IServiceCollection"/> so the host runs them.</summary>
public static class ZenWebsocketServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TAdapter"/> as a singleton with its options, and a hosted service that starts it
    /// with the host (waiting until it is ready) and stops it with the host. The adapter's constructor receives
    /// <c>IOptions&lt;TOptions&gt;</c>; when the options leave <see cref="ExchangeAdapterOptions.LoggerFactory"/> unset
    /// the host's logger factory is used, and a registered <see cref="TimeProvider"/> replaces the system clock.
    /// </summary>
    /// <typeparam name="TAdapter">The adapter.</typeparam>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options (after any configuration binding); <see langword="null"/> to leave them.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddZenWebsocketAdapter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAdapter, TOptions>(
        this IServiceCollection services,
        Action<TOptions>? configure = null)
        where TAdapter : ExchangeAdapter
        where TOptions : ExchangeAdapterOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (ReferenceEquals(o.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
            {
                o.TimeProvider = time;
            }
        });
        services.AddSingleton<TAdapter>();
        return AddHostedAdapter<TAdapter>(services);
    }

    /// <summary>Registers an adapter built by a factory, and the hosted service that starts and stops it with the host.</summary>
    /// <typeparam name="TAdapter">The adapter.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="factory">Creates the adapter (once).</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddZenWebsocketAdapter<TAdapter>(this IServiceCollection services, Func<IServiceProvider, TAdapter> factory)
        where TAdapter : ExchangeAdapter
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(factory);
        return AddHostedAdapter<TAdapter>(services);
    }

    private static IServiceCollection AddHostedAdapter<TAdapter>(IServiceCollection services)
        where TAdapter : ExchangeAdapter
    {
        // One hosted service per adapter type: registering the same adapter twice does not start it twice.
        services.AddHostedService(provider => new ExchangeAdapterHostedService<TAdapter>(provider.GetRequiredService<TAdapter>()));
        return services;
    }
}
