namespace CharityDay.LoadHarness.Target;

/// <summary>Where the server under test answers, and the admin key the harness sets the event up with.</summary>
internal sealed record ServerEndpoint(Uri BaseAddress, string AdminKey, string StorageMode, int? ProcessId);
