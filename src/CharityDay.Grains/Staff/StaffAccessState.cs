using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Grains.Staff;

/// <summary>The stored staff access of one event: a hashed code and a token generation per role issued.</summary>
[GenerateSerializer]
public sealed class StaffAccessState
{
    [Id(0)]
    public ImmutableArray<StaffCredential> Roles { get; set; } = [];
}
