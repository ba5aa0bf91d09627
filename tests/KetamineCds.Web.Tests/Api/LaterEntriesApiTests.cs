using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// <c>GET /api/v1/screenings/{id}</c> of an earlier screening says that it was later re-screened or corrected, as its
/// result page does ("This screening was corrected"): <c>laterEntries</c>, newest first, each naming what its own body
/// names (<c>rescreenOf</c> or <c>corrects</c>). New optional properties only: a screening with no later entry answers
/// the body it always did. The patient's list carries the same on each item.
/// </summary>
public sealed class LaterEntriesApiTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public LaterEntriesApiTests(KetamineCdsFactory factory) => _factory = factory;

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A screening, a re-screen of it (from the form: the API has no re-screen) and then an API correction of it.</summary>
    private async Task<(Guid Earlier, Guid Rescreen, Guid Correction, string EarlierBefore)> EarlierRescreenedThenCorrectedAsync(string patient)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = await _factory.RecordScreeningThroughApiAsync(patient, api);
        var before = await api.GetStringAsync($"/api/v1/screenings/{earlier}");

        var rescreen = await _factory.RescreenAsync(earlier, patient);

        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections",
            SampleRequests.Trd(patient).With("failedAdequateTrials", 4).With("correctionReason", "Trials were 4, not 3 (pharmacy record)."));
        return (earlier, rescreen, await IdOfAsync(corrected), before);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist, null)]
    [InlineData(KetamineCdsFactory.Staff, null)]
    [InlineData(KetamineCdsFactory.Auditor, "zh-CN")]
    public async Task Get_EarlierScreeningRescreenedThenCorrected_NamesBothNewestFirstAsTheirOwnBodiesDo(string reader, string? language)
    {
        var patient = "MRN-LATER-API-" + reader[..4].ToUpperInvariant();
        var (earlier, rescreen, correction, _) = await EarlierRescreenedThenCorrectedAsync(patient);
        var api = await _factory.CreateApiClientAsync(reader);
        if (language is not null)
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{earlier}"));

        var root = body.RootElement;
        // Before the assessment: a client reading the earlier screening learns first that it was superseded.
        Assert.Equal(["id", "recordedAt", "recordedBy", "laterEntries", "ruleSet"], root.EnumerateObject().Select(p => p.Name).Take(5));
        var later = root.GetProperty("laterEntries").EnumerateArray().ToList();
        Assert.Equal([correction, rescreen], later.Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(["correction", "re-screen"], later.Select(e => e.GetProperty("kind").GetString())); // never translated
        Assert.Equal("Trials were 4, not 3 (pharmacy record).", later[0].GetProperty("correctionReason").GetString());
        Assert.False(later[1].TryGetProperty("correctionReason", out _));
        Assert.False(root.TryGetProperty("unreadableLaterEntries", out _));
        foreach (var entry in later)
        {
            // Each entry says what the later screening's own body says: its id, time, author and that it points here.
            var link = entry.GetProperty("link").GetString()!;
            Assert.Equal($"/api/v1/screenings/{entry.GetProperty("id").GetGuid()}", link);
            using var own = JsonDocument.Parse(await api.GetStringAsync(link));
            Assert.Equal(entry.GetProperty("recordedAt").GetString(), own.RootElement.GetProperty("recordedAt").GetString());
            Assert.Equal(KetamineCdsFactory.Psychiatrist, entry.GetProperty("recordedBy").GetString());
            Assert.Equal(KetamineCdsFactory.Psychiatrist, own.RootElement.GetProperty("recordedBy").GetString());
            Assert.Equal(earlier, own.RootElement.GetProperty(entry.GetProperty("kind").GetString() == "correction" ? "corrects" : "rescreenOf").GetGuid());
            Assert.False(own.RootElement.TryGetProperty(entry.GetProperty("kind").GetString() == "correction" ? "rescreenOf" : "corrects", out _));
            Assert.False(own.RootElement.TryGetProperty("laterEntries", out _));
        }
    }

    [Fact]
    public async Task Get_EarlierScreening_IsTheBodyItWasBeforeWithLaterEntriesAdded()
    {
        // Backward compatible: nothing of the body changes but the new optional property; a screening without later
        // entries answers exactly what it answered before.
        var (earlier, _, correction, before) = await EarlierRescreenedThenCorrectedAsync("MRN-LATER-API-SAME");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var after = JsonNode.Parse(await api.GetStringAsync($"/api/v1/screenings/{earlier}"))!.AsObject();
        var correctionBody = await api.GetStringAsync($"/api/v1/screenings/{correction}");

        Assert.True(after.Remove("laterEntries"));
        Assert.Equal(JsonNode.Parse(before)!.ToJsonString(), after.ToJsonString());
        using var created = JsonDocument.Parse(correctionBody);
        Assert.False(created.RootElement.TryGetProperty("laterEntries", out _));
    }

    [Fact]
    public async Task List_EachItem_CarriesTheLaterEntriesItsOwnGetAnswers()
    {
        var (earlier, rescreen, _, _) = await EarlierRescreenedThenCorrectedAsync("MRN-LATER-API-LIST");
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/screenings?patientReference=MRN-LATER-API-LIST"));

        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        await ListedItems.AssertEachAsItsOwnGetAsync(api, items, "laterEntries");

        Assert.Equal(2, items.Single(i => i.GetProperty("id").GetGuid() == earlier).GetProperty("laterEntries").GetArrayLength());
        Assert.False(items.Single(i => i.GetProperty("id").GetGuid() == rescreen).TryGetProperty("laterEntries", out _));
    }

    [Fact]
    public async Task List_LaterEntriesOfEveryItem_AreReadInOneLookupNotOnePerScreening()
    {
        var (earlier, rescreen, correction, _) = await EarlierRescreenedThenCorrectedAsync("MRN-LATER-API-ONCE");
        var real = _factory.Services.GetRequiredService<IDecisionLog>();
        var log = new Mock<IDecisionLog>();
        log.Setup(l => l.ListScreeningsForPatientAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string patient, CancellationToken ct) => real.ListScreeningsForPatientAsync(patient, ct));
        log.Setup(l => l.FindLaterScreeningsAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<Guid> ids, CancellationToken ct) => real.FindLaterScreeningsAsync(ids, ct));
        using var factory = new KetamineCdsFactory { DecisionLogOverride = log.Object };
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);

        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/screenings?patientReference=MRN-LATER-API-ONCE"));

        Assert.Equal(2, list.RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == earlier).GetProperty("laterEntries").GetArrayLength());
        log.Verify(
            l => l.FindLaterScreeningsAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.Order().SequenceEqual(new[] { earlier, rescreen, correction }.Order())), It.IsAny<CancellationToken>()),
            Times.Once);
        log.Verify(l => l.FindLaterScreeningsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Get_WithoutAToken_IsRefusedAndSaysNothingOfLaterEntries()
    {
        var (earlier, _, _, _) = await EarlierRescreenedThenCorrectedAsync("MRN-LATER-API-ANON");

        using var response = await _factory.CreateRawClient().GetAsync($"/api/v1/screenings/{earlier}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("laterEntries", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ALaterEntryChangedBehindTheAppsBack_IsNamedApartNeverVouchedFor()
    {
        // As the result page does: an entry that points here but no longer matches its hash is named, not listed as a correction.
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-LATER-API-ALTERED"));
        var earlier = await IdOfAsync(created);
        using var corrected = await api.PostAsJsonAsync($"/api/v1/screenings/{earlier}/corrections",
            SampleRequests.Trd("MRN-LATER-API-ALTERED").With("ageYears", 54).With("correctionReason", "Age was mistyped."));
        var correction = await IdOfAsync(corrected);
        long sequence;
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER \"DecisionLogEntries_no_update\";"
                + "UPDATE \"DecisionLogEntries\" SET \"CorrectionReason\" = 'Nothing was wrong.' WHERE \"CorrectionReason\" IS NOT NULL RETURNING \"Sequence\";";
            sequence = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{earlier}"));

        Assert.False(body.RootElement.TryGetProperty("laterEntries", out _));
        var unreadable = Assert.Single(body.RootElement.GetProperty("unreadableLaterEntries").EnumerateArray());
        Assert.Equal(correction, unreadable.GetProperty("id").GetGuid());
        Assert.Equal(sequence, unreadable.GetProperty("sequence").GetInt64());
        Assert.DoesNotContain("Nothing was wrong", body.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
