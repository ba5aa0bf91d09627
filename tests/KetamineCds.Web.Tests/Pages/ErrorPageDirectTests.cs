using System.Net;
using KetamineCds.Web.Tests.Localization;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 337: <c>/Error</c> asked for directly (a bookmark, a crawler, a typed address) answered 200 with "Something went
/// wrong", an error page for no error. It is only where failed requests are re-executed, so asked for itself it is a page
/// that is not there: 404, "Page not found". The status-code pages still show it for a real status (Production's exception
/// handler: <see cref="KetamineCds.Web.Tests.Security.ProductionHardeningTests"/>).
/// </summary>
public sealed class ErrorPageDirectTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("/Error", "en", "Page not found")]
    [InlineData("/Error?status=500", "en", "Page not found")]
    [InlineData("/Error", "zh-CN", "未找到页面")]
    public async Task Error_AskedForDirectly_Answers404PageNotFound(string path, string language, string title)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await CultureSelectionTests.GetAsync(client, path, language);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_ReExecutedForAnExpiredForm_StillSaysIt()
    {
        // A screening form's post without its form token: 400, re-executed to /Error?status=400.
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.AgeYears"] = "45" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>The request could not be accepted</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_ReExecutedForAStatus_StillSaysIt()
    {
        // An address with no page: 404, re-executed to /Error?status=404.
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await client.GetAsync("/no-such-page-337");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", body, StringComparison.Ordinal);
    }
}
