namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>The pre-Unicode Vietnamese encodings that documents still arrive in.</summary>
public enum LegacyEncoding
{
    /// <summary>Not a legacy encoding (Unicode, or plain ASCII).</summary>
    None,

    /// <summary>TCVN 5712:1993 VN3, known as ABC: one byte per letter, fonts named <c>.VnTime</c>, <c>.VnArial</c>…</summary>
    Tcvn3,

    /// <summary>VNI Windows: a base letter followed by a byte for its marks, fonts named <c>VNI-Times</c>…</summary>
    Vni,
}
