using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Web.Tests.Pages;

namespace KetamineCds.Web.Tests.Api;

/// <summary>
/// A clinician note of spaces alone ("   ", or with line breaks and tabs) says nothing. The contract (screening-v1) is
/// silent on it ("null or absent means not recorded"; the note is "stored and printed, never interpreted"). It was stored
/// as given by the API and the form alike, and the result page and the print then showed an empty "Clinician's note",
/// while a re-screen read it as no note. It is now not recorded, as an empty note is, by the form and the API alike; a
/// note with words in it is stored exactly as given, its spaces kept.
/// </summary>
public sealed class BlankClinicianNoteTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public BlankClinicianNoteTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("   ")]
    [InlineData(" \n\t ")]
    [InlineData("\u3000")]
    public async Task Api_ANoteOfSpacesAlone_IsNotRecorded(string note)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-BLANK-NOTE-API").With("clinicianNote", note));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("input").GetProperty("clinicianNote").ValueKind);
        var stored = await api.GetFromJsonAsync<JsonElement>(created.Headers.Location!.OriginalString);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("input").GetProperty("clinicianNote").ValueKind);
    }

    [Fact]
    public async Task Api_ANoteWithWords_IsStoredAsGiven_ItsSpacesKept()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-WORDS-NOTE-API").With("clinicianNote", "  Seen with her sister.  "));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("  Seen with her sister.  ", answer.GetProperty("input").GetProperty("clinicianNote").GetString());
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(" \r\n\t ")]
    public async Task IntakeForm_ANoteOfSpacesAlone_IsNotRecorded_AndTheResultShowsNoEmptyNote(string note)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm("MRN-BLANK-NOTE-FORM");
        form["Input.ClinicianNote"] = note;

        using var post = await client.PostFormAsync("/Screenings/New", "/Screenings/New", form);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var stored = await api.GetFromJsonAsync<JsonElement>("/api/v1" + post.Headers.Location!.OriginalString.ToLowerInvariant());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("input").GetProperty("clinicianNote").ValueKind);
        var page = await client.GetStringAsync(post.Headers.Location!.OriginalString);
        Assert.DoesNotContain("id=\"note-title\"", page, StringComparison.Ordinal);
    }
}
