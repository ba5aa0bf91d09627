using System.Net;
using System.Text.Json.Nodes;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA180/181: a draft order whose subject is given by identifier alone, another record number in the system of the
/// Patient's own (MRN-99999 where the Patient is MRN-20871), was read as this patient's order, though the prefetch's
/// resources are refused for it (QA180 F2). It is refused the same way: 400 naming the entry, nothing recorded, whatever
/// it orders. The patient's own number, and a number in a system the Patient does not carry, are read as before.
/// </summary>
public sealed class DraftOrderRecordNumberHookTests : IDisposable
{
    private const string OrderSign = "/cds-services/ketamine-screening-order-sign";
    private const string Issuer = "https://ehr.draft-order-record-number.test";
    private const string Kid = "draft-order-record-number-key";
    private const string RecordNumberSystem = "urn:oid:2.16.840.1.113883.19.5";

    private readonly TestCdsClient _client = new(Issuer, Kid);
    private readonly KetamineCdsFactory _factory;

    public DraftOrderRecordNumberHookTests() => _factory = new KetamineCdsFactory { Settings = _client.Settings() };

    public void Dispose()
    {
        _factory.Dispose();
        _client.Dispose();
    }

    [Theory]
    [InlineData("order-sign-esketamine")]
    [InlineData("order-sign-amlodipine")]
    public async Task OrderSign_AnOrderWhoseSubjectIsAnotherRecordNumber_Answers400NamingTheEntryAndRecordsNothing(string sample)
    {
        var request = Sample(sample);
        SubjectOfFirstOrder(request).ReplaceWith(JsonNode.Parse($$$"""{"identifier":{"system":"{{{RecordNumberSystem}}}","value":"MRN-99999"}}"""));
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, OrderSign, request.ToJsonString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("The request could not be read; nothing was recorded.", problem["title"]!.GetValue<string>());
        Assert.Equal("The FHIR data could not be read: FHIR: context.draftOrders, entry 0 refers to a different Patient than context.patientId.", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("MRN-99999", text, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.DecisionLogEntryCountAsync());
    }

    [Theory]
    [InlineData("""{"identifier":{"system":"urn:oid:2.16.840.1.113883.19.5","value":"MRN-20871"}}""")]
    [InlineData("""{"reference":"Patient/ex-mdd-only","identifier":{"system":"urn:oid:2.16.840.1.113883.19.5","value":"MRN-20871"}}""")]
    [InlineData("""{"identifier":{"system":"https://other.example/mrn","value":"X-7"}}""")]
    public async Task OrderSign_AnEsketamineOrderWhoseSubjectIsThePatientsNumberOrAnotherSystem_IsAnsweredAndRecorded(string subject)
    {
        var request = Sample("order-sign-esketamine");
        SubjectOfFirstOrder(request).ReplaceWith(JsonNode.Parse(subject));
        var before = await _factory.DecisionLogEntryCountAsync();

        using var response = await _client.PostAsync(_factory, OrderSign, request.ToJsonString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.NotEmpty(JsonNode.Parse(text)!["cards"]!.AsArray());
        Assert.Equal(before + 1, await _factory.DecisionLogEntryCountAsync());
    }

    private static JsonNode Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", name + ".json")))!;

    private static JsonNode SubjectOfFirstOrder(JsonNode request) =>
        request["context"]!["draftOrders"]!["entry"]!.AsArray()[0]!["resource"]!["subject"]!;

}
