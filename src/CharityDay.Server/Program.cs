using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using CharityDay.Server.Storage;

// Settings are read next to the program wherever it is started from (a service manager's folder is
// not ours); the data folder stays relative to where it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var storage = builder.AddCharityDayStorage();
builder.AddCharityDayAuth(storage);
builder.AddCharityDaySilo(storage);
builder.AddCharityDayApi();
builder.AddCharityDayTelemetry();

var app = builder.Build();
app.MapCharityDayApi();
app.Run();

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
