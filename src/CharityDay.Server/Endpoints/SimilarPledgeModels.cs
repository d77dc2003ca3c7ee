namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/events/{eventId}/pledges/similar</c>: the placard a desk is about to record.</summary>
public sealed record SimilarPledgesRequest(string? DeskId, string? DonorName, long AmountFen);

/// <summary>A stage pledge of the same donor and amount that a desk recorded within the window.</summary>
public sealed record SimilarPledgeView(string PledgeId, string DeskId, string DeskName, string DonorName, long AmountFen, DateTimeOffset RecordedAt);

/// <summary>What any desk recorded for this donor and amount in the last <see cref="WindowMinutes"/> minutes, newest first.</summary>
public sealed record SimilarPledgesView(int WindowMinutes, SimilarPledgeView[] Matches);
