using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using CharityDay.Server.Storage;

var builder = WebApplication.CreateBuilder(args);

var storage = builder.AddCharityDayStorage();
builder.AddCharityDayAuth(storage);
builder.AddCharityDaySilo(storage);
builder.AddCharityDayApi();

var app = builder.Build();
app.MapCharityDayApi();
app.Run();

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
