using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CharityDay.Server.Tests;

/// <summary>
/// The JSON a write route takes is exactly the documented one: numbers as JSON numbers, each property
/// once and in camelCase, enums as their camelCase names; anything else is a validation problem that
/// names the field and records nothing.
/// </summary>
public sealed class StrictInputTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task An_amount_sent_as_a_string_is_refused_naming_amountFen()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(amountFen: "\"100\""));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "amountFen");
    }

    [Fact]
    public async Task In_production_too_a_type_error_names_its_field()
    {
        // Minimal APIs throw on a bad body only in Development unless told otherwise; the field name depends on it.
        await using var production = CharityDayApp.With(("environment", "Production"));
        var scene = await RefusalScene.StartAsync(production);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(amountFen: "\"100\""));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "amountFen");
        Assert.Equal("Production", production.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }

    [Fact]
    public async Task A_property_sent_twice_is_refused_instead_of_the_last_one_winning()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(amountFen: "1", extra: ""","amountFen":99999"""));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "amountFen");
    }

    [Theory]
    [InlineData("AmountFen")]
    [InlineData("amountfen")]
    [InlineData("tip")]
    public async Task A_property_not_in_the_documented_camelCase_is_refused_naming_it(string name)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(extra: $$""","{{name}}":500"""));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, name);
    }

    [Theory]
    [InlineData("\"Enterprise\"")]
    [InlineData("\"ENTERPRISE\"")]
    [InlineData("0")]
    [InlineData("\"0\"")]
    [InlineData("\"enterprise, individual\"")]
    public async Task Donor_kind_takes_only_its_camelCase_names(string donorKind)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(donorKind: donorKind));

        var problem = await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "donorKind");
        Assert.Contains("enterprise", problem.GetProperty("errors").GetProperty("donorKind")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"pledgeId\":")]
    [InlineData("500万")]
    [InlineData("[1,2]")]
    [InlineData("{\"pledgeId\":\"p-00000001\",}")]
    public async Task Malformed_json_is_a_validation_problem_saying_nothing_was_recorded(string body)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(body);

        var problem = await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_body_is_a_validation_problem_naming_the_body(string body)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(body);

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_415_problem_json()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.Desk.PostAsync(scene.PledgesPath, new StringContent(RefusalScene.PledgeJson(), Encoding.UTF8, "text/plain"));

        await scene.AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_is_a_validation_problem_naming_it()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.Desk.GetAsync($"/api/events/{scene.EventId}/desks/desk-a/pledges?limit=lots");

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Event_set_up_is_strict_too()
    {
        var scene = await RefusalScene.StartAsync(app);
        using var admin = app.Admin();
        var update = """{"title":"改名","goalFen":"100000","tiersFen":[100],"milestonesFen":[100]}""";
        var tiers = """{"title":"改名","goalFen":100000,"tiersFen":[100,"200"],"milestonesFen":[100]}""";

        var wrongGoal = await admin.PutAsync($"/api/events/{scene.EventId}", new StringContent(update, Encoding.UTF8, "application/json"));
        var wrongTier = await admin.PutAsync($"/api/events/{scene.EventId}", new StringContent(tiers, Encoding.UTF8, "application/json"));

        await scene.AssertRefusedAsync(wrongGoal, HttpStatusCode.BadRequest, "goalFen");
        await scene.AssertRefusedAsync(wrongTier, HttpStatusCode.BadRequest, "tiersFen");
        Assert.Equal("测试慈善晚会", (await admin.GetFromJsonAsync<JsonElement>($"/api/events/{scene.EventId}")).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("甲\U000E0041乙")]          // TAG LATIN CAPITAL LETTER A: invisible, outside the BMP
    [InlineData("甲\U0001D173乙")]          // MUSICAL SYMBOL BEGIN BEAM: a format character
    [InlineData("\U000E0001爱心企业")]       // LANGUAGE TAG
    public async Task An_invisible_character_outside_the_BMP_in_a_name_is_refused(string donorName)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(donorName: JsonSerializer.Serialize(donorName)));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "donorName");
    }

    [Fact]
    public async Task Half_a_surrogate_pair_in_a_name_is_refused()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.PostPledgeAsync(RefusalScene.PledgeJson(donorName: "\"甲\\ud800乙\""));

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "donorName");
    }

    [Fact]
    public async Task An_invisible_character_outside_the_BMP_in_a_void_reason_is_refused()
    {
        var scene = await RefusalScene.StartAsync(app);
        using var admin = app.Admin();
        var ledger = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{scene.EventId}/ledger");
        var pledgeId = ledger.GetProperty("entries")[0].GetProperty("pledgeId").GetString();

        var response = await scene.Desk.PostAsJsonAsync($"/api/events/{scene.EventId}/pledges/{pledgeId}/void", new { reason = "录错\U000E0020" });

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "reason");
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("😀 爱心人士")]
    [InlineData("𠀀𠀁 有限公司")]                 // CJK Extension B: outside the BMP, and a name
    public async Task Chinese_and_emoji_names_are_still_recorded(string donorName)
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.Desk.PostAsJsonAsync(scene.PledgesPath, Pledges.Stage("desk-a", 100, donorName: donorName));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(donorName, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("donorName").GetString());
    }

    [Fact]
    public async Task The_openapi_document_still_lists_the_donor_kinds()
    {
        using var viewer = app.Anonymous();
        var document = await viewer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var kinds = document.GetProperty("components").GetProperty("schemas").GetProperty("DonorKind").GetProperty("enum");
        Assert.Equal(["enterprise", "organization", "individual"], kinds.EnumerateArray().Select(k => k.GetString()));
    }
}
