using System.Net;
using KetamineCds.Web.Tests.Pages;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// QA (helper 263) F5: a page form's post larger than the server accepts (a 5 MB clinician's note) answered the site-wide
/// 400 "The form may have expired or been sent twice": the anti-forgery check read the form first and failed on its size.
/// It is now a 413, and the screening form's error page says the screening was not saved, that the form was too large and
/// the note's limit, and marks the answers kept from the send (drafts.js) as refused, for the form to put back.
/// </summary>
public sealed class FormTooLargeTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public FormTooLargeTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData(null, "The screening was NOT saved: the form was too large", "The clinician's note is limited to 2,000 characters.")]
    [InlineData("zh-CN", "筛查未保存：表单过大", "临床医生备注最多 2,000 个字符。")]
    public async Task IntakeForm_A5MbNote_IsRefusedAsTooLarge_NotAsAnExpiredForm(string? language, string title, string limit)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        var form = PageTests.ValidForm("MRN-NOTE-5MB");
        form["Input.ClinicianNote"] = new string('x', 5 * 1024 * 1024);

        using var post = await client.PostFormAsync("/Screenings/New", "/Screenings/New", form);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(limit, html, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-draft-refused=\"\" data-draft-refused-because=\"too-large\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Screenings/New\" id=\"back-to-form\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherForm_TooLarge_IsTheGeneral413_NotAnExpiredForm()
    {
        var admin = await _factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var post = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            [new("Input.Email", "big.form@clinic.example"), new("Input.DisplayName", new string('x', 2 * 1024 * 1024))]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
        Assert.Contains("The request was too large to accept; nothing was saved.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IntakeForm_WithinTheLimit_AnExpiredTokenIsStillThe400()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm("MRN-NOTE-TOKEN");
        form["__RequestVerificationToken"] = "not-a-token";

        using var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("The form may have expired or been sent twice.", html, StringComparison.Ordinal);
    }
}
