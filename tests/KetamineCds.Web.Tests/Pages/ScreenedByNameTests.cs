using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Who screened, on the result page and the print: the email recorded with the screening in the decision log is the
/// record; the account's display name, read now, is shown only labelled as its current name, so that a name given
/// after the screening never reads as if it had been recorded with it.
/// </summary>
public sealed class ScreenedByNameTests
{
    [Theory]
    [InlineData("en", "psychiatrist@demo.local (account now named Dr A. Chen)")]
    [InlineData("zh-CN", "psychiatrist@demo.local（该账户现名为 Dr A. Chen）")]
    public async Task PrintAndResult_AccountRenamedAfterTheScreening_ShowTheRecordedEmailAndTheNewNameLabelledAsTheAccountsCurrentName(string language, string expected)
    {
        var (print, result) = await PrintAndResultAfterRenamingAsync("Dr A. Chen", language);

        Assert.Contains(expected, print, StringComparison.Ordinal);
        Assert.Contains(expected, result, StringComparison.Ordinal);
        // The old print: "Dr A. Chen (psychiatrist@demo.local)", the new name as if recorded with the screening.
        Assert.DoesNotContain("Dr A. Chen (psychiatrist@demo.local)", print, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Demo Psychiatrist", print, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "<dt>Recorded by</dt><dd>psychiatrist@demo.local (account now named Dr A. Chen)</dd>", "<dt>Clinician</dt>", "recorded {0} by psychiatrist@demo.local (account now named Dr A. Chen)")]
    [InlineData("zh-CN", "<dt>记录人</dt><dd>psychiatrist@demo.local（该账户现名为 Dr A. Chen）</dd>", "<dt>临床医生</dt>", "由 psychiatrist@demo.local（该账户现名为 Dr A. Chen） 于 {0} 记录")]
    public async Task Print_NamesWhoRecordedTheScreeningAsTheResultPageDoes_NotAsTheClinician(string language, string printed, string formerLabel, string resultWording)
    {
        // The leftover: the print labelled the recording account's email "Clinician", while the result page (and the
        // contract's recordedBy) say the screening was recorded by that account, which need not be the treating clinician.
        var (print, result) = await PrintAndResultAfterRenamingAsync("Dr A. Chen", language);

        Assert.Contains(printed, print, StringComparison.Ordinal);
        Assert.DoesNotContain(formerLabel, print, StringComparison.Ordinal);
        var (before, after) = (resultWording[..resultWording.IndexOf("{0}", StringComparison.Ordinal)], resultWording[(resultWording.IndexOf("{0}", StringComparison.Ordinal) + 3)..]);
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(before) + "[^<]+" + System.Text.RegularExpressions.Regex.Escape(after), result);
    }

    [Fact]
    public async Task PrintAndResult_AccountWithoutADisplayName_ShowTheRecordedEmailAlone()
    {
        var (print, result) = await PrintAndResultAfterRenamingAsync(null, language: null);

        Assert.Contains("<dd>psychiatrist@demo.local</dd>", print, StringComparison.Ordinal);
        Assert.DoesNotContain("account now named", print, StringComparison.Ordinal);
        Assert.DoesNotContain("account now named", result, StringComparison.Ordinal);
    }

    /// <summary>
    /// The psychiatrist records a screening, the account is then renamed to <paramref name="name"/>, and clinic staff
    /// read the print and the result page (HTML-decoded) in <paramref name="language"/> (the default when null).
    /// </summary>
    private static async Task<(string Print, string Result)> PrintAndResultAfterRenamingAsync(string? name, string? language)
    {
        using var factory = new KetamineCdsFactory();
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RENAMED"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await RenameAsync(factory, KetamineCdsFactory.Psychiatrist, name);
        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        if (language is not null)
        {
            staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return (WebUtility.HtmlDecode(await staff.GetStringAsync($"/Screenings/{id}/Print")),
            WebUtility.HtmlDecode(await staff.GetStringAsync($"/Screenings/{id}")));
    }

    private static async Task RenameAsync(KetamineCdsFactory factory, string email, string? name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.DisplayName = name;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
