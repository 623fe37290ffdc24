using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// What intake made of one uploaded file or address (<see cref="Name"/>): the job it became
/// (<see cref="Intake"/>), or why it was refused (<see cref="Refusal"/>) — exactly one of the two. A refusal for the
/// upload rate says when to try again (<see cref="RetryAfter"/>).
/// </summary>
public sealed record UploadResult(string Name, IntakeResult? Intake, IntakeException? Refusal, TimeSpan? RetryAfter = null);
