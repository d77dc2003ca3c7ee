using CharityDay.Grains;
using CharityDay.Grains.Storage;
using CharityDay.Server.Hubs;
using CharityDay.Server.Storage;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Co-hosts the Orleans silo in the web process, with grain state in the same database as the ledger:
/// a cluster of one on loopback, or with Redis one node of a cluster (<see cref="ClusterSettings"/>).
/// </summary>
public static class OrleansHostingExtensions
{
    public const string GrainStore = "store";

    public static void AddCharityDaySilo(this IHostApplicationBuilder builder, StorageSettings storage, ClusterSettings cluster)
    {
        var orleans = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        var address = orleans.ListenAddress();
        if (cluster.IsCluster && orleans.AdvertisedIPAddress is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                "Orleans:AdvertisedIPAddress is required in cluster mode: the address the other nodes reach this node's silo on (e.g. 10.0.0.11).");
        }

        OrleansPortCheck.EnsureFree(orleans, address);
        builder.Services.AddOptions<OrleansOptions>().BindConfiguration(OrleansOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignalRLiveBroadcaster>();
        builder.Services.AddSingleton<ILiveBroadcaster, ClusterLiveBroadcaster>();
        if (cluster.IsCluster)
        {
            builder.Services.AddSingleton(cluster);
            builder.Services.AddSingleton<RedisConnection>();
            builder.Services.AddHostedService<RedisStartCheck>(); // before the silo starts
        }

        builder.UseOrleans(silo =>
        {
            if (cluster.IsCluster)
            {
                silo.UseRedisClustering(cluster.RedisConnectionString!);
                silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
                silo.Configure<ClusterMembershipOptions>(FailureDetection.Tune);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            }

            silo.AddGrainService<LiveNodeService>();
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
