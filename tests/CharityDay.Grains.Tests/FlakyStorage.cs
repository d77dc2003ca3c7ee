using Orleans.Storage;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Grain storage that fails the next write of a chosen grain type once, as a database that drops the
/// connection would, and otherwise passes everything to the inner storage.
/// </summary>
public sealed class FlakyStorage(IGrainStorage inner) : IGrainStorage
{
    private string? _failNextWriteOf;

    /// <summary>The next write of a grain whose type name is <paramref name="grainType"/> (e.g. "eventdirectory") throws.</summary>
    public void FailNextWriteOf(string grainType) => Volatile.Write(ref _failNextWriteOf, grainType);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var target = Volatile.Read(ref _failNextWriteOf);
        if (target == grainId.Type.ToString() && ReferenceEquals(Interlocked.CompareExchange(ref _failNextWriteOf, null, target), target))
        {
            throw new InvalidOperationException($"Injected write failure for {grainId}.");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
