using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/auth/staff</c>: an event-scoped staff role signing in with the code the admin issued.</summary>
public sealed record StaffSignInRequest(string? EventId, StaffRole? Role, string? Code);

/// <summary>A staff role's token for one event.</summary>
public sealed record StaffSignInResponse(string Token, string EventId, StaffRole Role, DateTimeOffset ExpiresAt);

/// <summary>A staff role's new access code: shown in this answer only.</summary>
public sealed record StaffAccessView(StaffRole Role, string AccessCode);

/// <summary>A staff role of an event and whether the admin has issued its code.</summary>
public sealed record StaffRoleView(StaffRole Role, bool HasCode);
