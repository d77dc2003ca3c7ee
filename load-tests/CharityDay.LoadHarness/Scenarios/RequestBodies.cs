using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>Body of a stage pledge, as the operator console sends it.</summary>
internal sealed record StageBody(string PledgeId, string DeskId, long AmountFen, string DonorName, string DonorKind, bool Anonymous, string? Representative);

/// <summary>Body of an online donation, as the phone page sends it.</summary>
internal sealed record DonationBody(string DonationId, long AmountFen, string? DonorName, bool Anonymous, string? Message);

/// <summary>The running total as a live connection needs it: from a push or from the snapshot <c>Watch</c> or <c>Follow</c> returns.</summary>
internal sealed record ViewerTotal(long Version, long TotalFen, long PledgeCount, List<PushedPledge>? NewPledges);

/// <summary>One pledge in a push's <c>newPledges</c>.</summary>
internal sealed record PushedPledge(string PledgeId);

/// <summary>Source-generated JSON for the harness's hot paths.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StageBody))]
[JsonSerializable(typeof(DonationBody))]
[JsonSerializable(typeof(ViewerTotal))]
internal sealed partial class HarnessJson : JsonSerializerContext;
