using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>Pledge drafts as the server makes them: the desk in the draft is the desk of the grain key.</summary>
internal static class Pledges
{
    public static PledgeDraft Stage(string deskId, long amountFen, string donorName = "河南豫商集团", string? pledgeId = null) => new(
        pledgeId ?? NewId(), deskId, PledgeChannel.Stage, amountFen, donorName, DonorKind.Enterprise, Anonymous: false,
        Representative: "张总", Note: null, RecordedBy: "operator@" + deskId);

    public static PledgeDraft Online(int onlineShards, long amountFen, string? donationId = null)
    {
        var id = donationId ?? NewId();
        return new PledgeDraft(
            id, OnlineShard.DeskIdFor(id, onlineShards), PledgeChannel.Online, amountFen, "", DonorKind.Individual, Anonymous: true,
            Representative: null, Note: "加油", RecordedBy: "online");
    }

    public static string NewId() => "p-" + Guid.NewGuid().ToString("N");
}
