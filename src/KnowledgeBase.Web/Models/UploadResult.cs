using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Storage;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// What intake made of one uploaded file or address (<see cref="Name"/>): the job it became
/// (<see cref="Intake"/>), or why it was refused (<see cref="Refusal"/>) — exactly one of the two.
/// </summary>
public sealed record UploadResult(string Name, IntakeResult? Intake, IntakeException? Refusal);
