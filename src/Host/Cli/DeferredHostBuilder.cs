using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Spiisee.EventSourced.Host.Cli;

/// <summary>
/// The web host's builder as JasperFx's commands see it: they configure it (projections replaces the console loggers;
/// --environment, --config:key and --log-level become settings), then build it. Given the host already built, as
/// RunJasperFxCommands on a WebApplication gives it, they could only refuse ("Cannot override services when the IHost is
/// already constructed"); here what they ask for is applied to HostApp's builder just before it builds.
/// </summary>
internal sealed class DeferredHostBuilder(string[] args) : IHostBuilder
{
    private readonly List<Action<IHostBuilder>> _configuration = [];

    public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();

    public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configureDelegate) =>
        Defer(b => b.ConfigureHostConfiguration(configureDelegate));

    public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configureDelegate) =>
        Defer(b => b.ConfigureAppConfiguration(configureDelegate));

    public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configureDelegate) =>
        Defer(b => b.ConfigureServices(configureDelegate));

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory)
        where TContainerBuilder : notnull =>
        Defer(b => b.UseServiceProviderFactory(factory));

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory)
        where TContainerBuilder : notnull =>
        Defer(b => b.UseServiceProviderFactory(factory));

    public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configureDelegate) =>
        Defer(b => b.ConfigureContainer(configureDelegate));

    public IHost Build() => HostApp.Build(args, builder =>
    {
        foreach (var (key, value) in Properties)
        {
            builder.Host.Properties[key] = value;
        }
        foreach (var configure in _configuration)
        {
            configure(builder.Host);
        }
    });

    private DeferredHostBuilder Defer(Action<IHostBuilder> configure)
    {
        _configuration.Add(configure);
        return this;
    }
}
