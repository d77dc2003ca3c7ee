namespace CharityDay.LoadHarness.Scenarios;

/// <summary>Which client a phone viewer is simulated with (<c>--phone-client</c>); big screens always use <see cref="SignalR"/>.</summary>
internal enum PhoneClient
{
    /// <summary>
    /// <see cref="LightViewer"/>: the JSON hub protocol straight over a WebSocket, the bytes a browser sends
    /// and receives, at a fraction of the full client's CPU, so thousands of phones fit beside the server.
    /// </summary>
    Light,

    /// <summary><see cref="Viewer"/>: the full <c>Microsoft.AspNetCore.SignalR.Client</c> hub connection.</summary>
    SignalR,

    /// <summary>Every other phone with each client (the smoke run's choice), so one run checks that both converge.</summary>
    Mixed,
}
