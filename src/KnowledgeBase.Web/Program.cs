using KnowledgeBase.Ingestion.Isolation;
using KnowledgeBase.Web;

// The same executable extracts one file in isolation when the worker starts it as a child.
if (ExtractionWorkerProgram.IsWorkerInvocation(args))
{
    return await ExtractionWorkerProgram.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeBaseWeb();
var app = builder.Build();
app.UseKnowledgeBaseWeb();
await app.RunAsync();
return 0;

/// <summary>Entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
