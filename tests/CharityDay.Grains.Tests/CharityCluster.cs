using CharityDay.Contracts;
using CharityDay.Grains.Events;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Moderation;
using CharityDay.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CharityDay.Grains.Tests;

/// <summary>
/// One in-process silo wired as the server wires it: the SQL ledger on its own SQLite file, grain state
/// in memory under "store" (with injectable write failures), a clock (the system's, unless a test
/// needs to move time itself), and a broadcaster that records every push.
/// </summary>
public class CharityCluster : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"charityday-grains-{Guid.NewGuid():N}.db");
    private LedgerDatabase? _database;
    private InProcessTestCluster? _cluster;

    private readonly TimeProvider _clock;

    public CharityCluster()
        : this(TimeProvider.System)
    {
    }

    protected CharityCluster(TimeProvider clock) => _clock = clock;

    public TimeProvider Clock => _clock;

    public RecordingBroadcaster Broadcaster { get; } = new();

    /// <summary>The ledger the grains write to; the audit side of every assertion.</summary>
    public InterleavingLedger Ledger { get; private set; } = null!;

    /// <summary>Grain state ("store"): in memory, with a switch that fails the next write of a grain type.</summary>
    public FlakyStorage Storage { get; private set; } = null!;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public async Task InitializeAsync()
    {
        var dataSource = SqliteFactory.Instance.CreateDataSource($"Data Source={_databaseFile};Pooling=True;Default Timeout=30");
        _database = new LedgerDatabase(dataSource, StorageDialect.Sqlite);
        await DatabaseSchema.ApplyAsync(_database, NullLogger.Instance, CancellationToken.None);
        var ledger = Ledger = new InterleavingLedger(new SqlPledgeLedger(_database));

        FlakyStorage? storage = null;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("memory");
            // As the server stores grain state: Orleans' binary format, not the memory store's JSON default
            // (which cannot read an event back once it has desks).
            silo.Services.AddOptions<MemoryGrainStorageOptions>("memory")
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            silo.Services.AddKeyedSingleton<IGrainStorage>("store", (services, _) => storage = new FlakyStorage(services.GetRequiredKeyedService<IGrainStorage>("memory")));
            silo.Services.AddSingleton<IPledgeLedger>(ledger);
            silo.Services.AddSingleton(new SqlModeration(_database));
            // Orleans' grain timers read the same clock, so a fake one drives the push pacing too.
            silo.Services.AddSingleton(_clock);
            silo.Services.AddSingleton<ILiveBroadcaster>(Broadcaster);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Storage = storage ?? (FlakyStorage)_cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("store");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    public IEventGrain Event(string eventId) => Cluster.Client.GetGrain<IEventGrain>(eventId);

    public IPledgeDeskGrain Desk(string eventId, string deskId) => Cluster.Client.GetGrain<IPledgeDeskGrain>(GrainKeys.Desk(eventId, deskId));

    public IEventTotalGrain Total(string eventId) => Cluster.Client.GetGrain<IEventTotalGrain>(eventId);

    public IModerationGrain Moderation(string eventId) => Cluster.Client.GetGrain<IModerationGrain>(eventId);

    /// <summary>Creates an event with its own id, adds the stage desks and opens it, as the admin does before the show.</summary>
    public async Task<string> CreateLiveEventAsync(int onlineShards, params string[] deskIds)
    {
        var eventId = await CreateDraftEventAsync(onlineShards, deskIds);
        Assert.Equal(EventChangeKind.Done, (await Event(eventId).SetStatusAsync(EventStatus.Live)).Kind);
        return eventId;
    }

    public async Task<string> CreateDraftEventAsync(int onlineShards, params string[] deskIds)
    {
        var eventId = "gala-" + Guid.NewGuid().ToString("N")[..12];
        var setup = new EventSetup("郑州慈善日", GoalFen: 172_000_000_00, [1_000_000_000, 500_000_000], [100_000_000_00]);
        Assert.Equal(EventChangeKind.Done, (await Event(eventId).CreateAsync(setup, onlineShards)).Kind);
        foreach (var deskId in deskIds)
        {
            Assert.Equal(EventChangeKind.Done, (await Event(eventId).AddDeskAsync(deskId, "录入台 " + deskId, AccessCodes.Hash(AccessCodes.New()))).Kind);
        }

        return eventId;
    }

    /// <summary>
    /// Polls the total until it meets the condition or the deadline passes, and returns the last snapshot
    /// either way so the caller's assertion shows what the screen would show.
    /// </summary>
    public async Task<TotalSnapshot> SnapshotWhenAsync(string eventId, Func<TotalSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var snapshot = await Total(eventId).GetSnapshotAsync();
            if (condition(snapshot) || DateTime.UtcNow > deadline)
            {
                return snapshot;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Waits until the live total has caught up with the ledger, then returns both.</summary>
    public async Task<(TotalSnapshot Snapshot, LedgerSums Ledger)> QuietTotalAsync(string eventId)
    {
        var sums = await Ledger.SumAsync(eventId);
        var snapshot = await SnapshotWhenAsync(eventId, s => s.TotalFen == sums.TotalFen && s.PledgeCount == sums.PledgeCount);
        return (snapshot, sums);
    }
}
