using System.Net.Http.Headers;
using System.Text;

namespace KnowledgeBase.Web.Tests.Limits;

/// <summary>Multipart uploads of distinct plain-text files of a chosen size.</summary>
internal static class LimitUploads
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, int Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            content.Add(File(name, bytes), "files", name);
        }

        return client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
    }

    /// <summary>Plain text, unique per name (so no upload duplicates another), of exactly <paramref name="bytes"/> bytes.</summary>
    public static ByteArrayContent File(string name, int bytes)
    {
        var line = Encoding.ASCII.GetBytes($"Tep {name}: bao cao tong ket cong tac nam cua phuong.\n");
        var data = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            data[i] = line[i % line.Length];
        }

        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }
}
