using System.Globalization;
using System.Text.Json.Nodes;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// The served OpenAPI document words each field's "Required when ..." as a reader takes it: a condition that any
/// recorded value of the other field meets (the catalogue's <c>prognosisWeeks:0-520</c>, the whole allowed range) reads
/// "is recorded", never as a range that looks like a restriction.
/// </summary>
public sealed class OpenApiRequiredWhenWordingTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public OpenApiRequiredWhenWordingTests(KetamineCdsFactory factory) => _factory = factory;

    [Fact]
    public async Task Describe_LifeLimitingIllness_SaysRequiredWhenPrognosisIsRecorded()
    {
        var properties = await RequestPropertiesAsync();

        var description = properties["lifeLimitingIllness"]!["description"]!.GetValue<string>();

        Assert.Contains("Required when prognosisWeeks is recorded.", description, StringComparison.Ordinal);
        Assert.DoesNotContain("0 to 520", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_RangeNarrowerThanTheField_KeepsItsBounds()
    {
        var properties = await RequestPropertiesAsync();

        Assert.Contains("Required when sexAtBirth is female and ageYears is 12 to 55.", properties["pregnant"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_EveryRangeClause_NeverSpellsOutTheFieldsWholeRange()
    {
        var properties = await RequestPropertiesAsync();

        foreach (var field in Fields.All.Where(f => f.RequiredWhen is not null))
        {
            var description = properties[field.Name]!["description"]!.GetValue<string>();
            foreach (var clause in field.RequiredWhen!.Clauses.Where(c => c.Test == WhenTest.InRange))
            {
                var tested = Fields.Find(clause.Field)!;
                var whole = string.Create(CultureInfo.InvariantCulture, $"{clause.Field} is {tested.Min} to {tested.Max}");
                Assert.DoesNotContain(whole, description, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Text_RangeCoveringTheFieldsWholeRange_ReadsRecorded()
    {
        Assert.Equal("prognosisWeeks is recorded", AnswerCondition.Parse("prognosisWeeks:0-520").Text);
        Assert.Equal("ageYears is 12 to 55", AnswerCondition.Parse("ageYears:12-55").Text);
        Assert.Equal("ageYears is recorded and suicidality is not none", AnswerCondition.Parse("ageYears:0-120;suicidality<>none").Text);
        Assert.Equal("notAField is 0 to 520", AnswerCondition.Parse("notAField:0-520").Text);
    }

    private async Task<JsonObject> RequestPropertiesAsync()
    {
        using var http = _factory.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        return document["components"]!["schemas"]!["ScreeningRequest"]!["properties"]!.AsObject();
    }
}
