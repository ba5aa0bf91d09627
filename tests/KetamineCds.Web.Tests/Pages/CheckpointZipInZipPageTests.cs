using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Checkpoints;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// Helper 326: a zip inside an uploaded zip (kept downloads zipped together) is named and not opened. The page said
/// "Copy checked: no checkpoint in it" and counted it as "not a checkpoint of this app's decision log", its status "Not a
/// checkpoint", though the checkpoints it holds were simply not checked: it is now "Not opened", the copy "checked in part",
/// and the summary says what to do, in English and Chinese.
/// </summary>
public sealed class CheckpointZipInZipPageTests : IDisposable
{
    private readonly KetamineCdsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task Upload_AZipHoldingOnlyAZip_IsCheckedInPart_TheInnerZipNotOpened_NeverNoCheckpointInIt(string language)
    {
        var zh = language == "zh-CN";
        var client = await PageClientAsync(language);

        var html = await UploadAsync(client, ("kept-2026.zip", Zip(("2026-11/ketaminecds-checkpoints-20261130.zip", Zip(("checkpoint-1.json", "{}"u8.ToArray()))))));

        Assert.StartsWith(zh ? "<title>副本已部分核对：其中的 zip 文件未被打开 - " : "<title>Copy checked in part: a zip inside it was not opened - ", html[html.IndexOf("<title>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var status = Status(html);
        Assert.Equal(
            zh ? "上传的 zip 文件中有 1 个 zip 文件未被打开：其中的检查点未经核对。请先解压外层 zip 文件，再单独上传该 zip 文件。"
               : "1 zip inside the uploaded zip was not opened: the checkpoints it holds were not checked. Unzip the outer zip and upload that zip by itself.",
            status);
        Assert.DoesNotContain(zh ? "其中没有检查点" : "no checkpoint in it", html, StringComparison.Ordinal);
        Assert.Matches(Row("2026-11/ketaminecds-checkpoints-20261130.zip", zh ? "未打开：zip 文件中的 zip 文件" : "Not opened: a zip inside the zip"), html);
        Assert.DoesNotMatch(Row("2026-11/ketaminecds-checkpoints-20261130.zip", zh ? ">不是检查点<" : ">Not a checkpoint<"), html);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task Upload_AZipWithACheckpointAFileThatIsNotOneAndTwoZips_CountsEachApart(string language)
    {
        var zh = language == "zh-CN";
        var auditor = await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        await _factory.RecordScreeningThroughApiAsync("MRN-ZIPZIP", api);
        var good = await (await auditor.PostAsync("/api/v1/audit/checkpoints", null)).Content.ReadAsStringAsync();
        var checkpoint = SignedCheckpoint.TryParse(good, out _)!;
        var client = await PageClientAsync(language);

        var html = await UploadAsync(client, ("kept-2026.zip", Zip(
            (checkpoint.FileName, Encoding.UTF8.GetBytes(good)),
            ("notes.json", "{\"hello\": 1}"u8.ToArray()),
            ("a/october.zip", Zip(("checkpoint-1.json", "{}"u8.ToArray()))),
            ("b/november.zip", Zip(("checkpoint-2.json", "{}"u8.ToArray()))))));

        Assert.StartsWith(zh ? "<title>副本已部分核对：其中的 zip 文件未被打开 - " : "<title>Copy checked in part: a zip inside it was not opened - ", html[html.IndexOf("<title>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var status = Status(html);
        Assert.Contains(zh ? "副本中有 1 个文件不是本应用决策日志的检查点：未对其进行检查。" : " 1 file in the copy is not a checkpoint of this app's decision log: it was not checked.", status, StringComparison.Ordinal);
        Assert.EndsWith(
            zh ? "上传的 zip 文件中有 2 个 zip 文件未被打开：其中的检查点未经核对。请先解压外层 zip 文件，再逐个单独上传这些 zip 文件。"
               : "it was not checked. 2 zips inside the uploaded zip were not opened: the checkpoints they hold were not checked. Unzip the outer zip and upload each of them by itself.",
            status,
            StringComparison.Ordinal);
        Assert.Matches(Row("notes.json", zh ? ">不是检查点<" : ">Not a checkpoint<"), html);
        Assert.Matches(Row("a/october.zip", zh ? "未打开：zip 文件中的 zip 文件" : "Not opened: a zip inside the zip"), html);
        Assert.Matches(Row("b/november.zip", zh ? "未打开：zip 文件中的 zip 文件" : "Not opened: a zip inside the zip"), html);
    }

    private async Task<HttpClient> PageClientAsync(string language)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }

    /// <summary>The summary above the uploaded copy's table, its words only, spaces collapsed.</summary>
    private static string Status(string html)
    {
        var match = Regex.Match(html, "<p role=\"status\" id=\"uploaded-status\"[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(match.Success);
        return Regex.Replace(Regex.Replace(match.Groups[1].Value, "<[^>]+>", ""), @"\s+", " ").Trim();
    }

    private static Regex Row(string file, string status) =>
        new($"<tr[^>]*>(?:(?!</tr>).)*{Regex.Escape(status)}(?:(?!</tr>).)*{Regex.Escape(file)}", RegexOptions.Singleline);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<string> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Audit/Checkpoints");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "copies", name);
        }

        using var response = await client.PostAsync("/Audit/Checkpoints?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
