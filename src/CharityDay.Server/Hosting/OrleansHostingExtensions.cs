using CharityDay.Grains;
using CharityDay.Grains.Storage;
using CharityDay.Server.Hubs;
using CharityDay.Server.Storage;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace CharityDay.Server.Hosting;

/// <summary>Co-hosts the Orleans silo in the web process, with grain state in the same database as the ledger.</summary>
public static class OrleansHostingExtensions
{
    public const string GrainStore = "store";

    public static void AddCharityDaySilo(this IHostApplicationBuilder builder, StorageSettings storage)
    {
        var orleans = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        OrleansPortCheck.EnsureFree(orleans);
        builder.Services.AddOptions<OrleansOptions>().BindConfiguration(OrleansOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILiveBroadcaster, SignalRLiveBroadcaster>();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            silo.AddAdoNetGrainStorage(GrainStore, options =>
            {
                options.Invariant = LedgerDatabase.OrleansInvariantFor(storage.Dialect);
                options.ConnectionString = storage.ConnectionString;
            });

            // Grain state in Orleans' own version-tolerant binary format, which knows every [GenerateSerializer] type.
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStore)
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        });
    }
}
