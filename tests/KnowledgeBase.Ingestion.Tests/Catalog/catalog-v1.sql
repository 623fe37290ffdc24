-- A catalog written by the code before the document, job and setting stores were split (issue 14): kb ingest
-- of a few files, then a setting, a document with warnings and a job waiting out a retry delay. Schema version 1.
-- Replayed by CatalogFormatTests: existing data folders must keep reading. Never regenerate it with newer code.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    content_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    source_url TEXT,
    author TEXT,
    date TEXT,
    language TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL,
    tags TEXT NOT NULL,
    collection TEXT,
    visibility TEXT NOT NULL,
    added_by TEXT,
    added_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    warnings TEXT NOT NULL
);
INSERT INTO documents VALUES('b649eaa95a03651a','tcvn3','Text','b649eaa95a03651a53ce7ab80161e04efaeec60c22b1ac09942f6e5aea62616a','text/plain; charset=utf-8','tcvn3.txt','cli',NULL,NULL,NULL,'vi',1,101,'["nh\u00E3n"]',NULL,'Public','root','2026-12-07T00:19:51.1696600Z',1,'[]');
INSERT INTO documents VALUES('ad7d54b4e06b5e77','Kế hoạch cải cách hành chính năm 2016 (sửa đổi)','Text','01f42f058f2211739f115ad43dbe76db66c4a8efe2d9a50154cb8335dcfc5709','text/plain; charset=utf-8','ke-hoach-v2.txt','cli','https://example.vn/ke-hoach','Sở Nội vụ','2016-01-20','vi',1,150,'["c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh","k\u1EBF ho\u1EA1ch"]','Văn bản','Private','root','2026-12-07T00:19:50.1661057Z',2,'[]');
INSERT INTO documents VALUES('0123456789abcdef','Báo cáo có cảnh báo','Pdf','cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc','application/pdf','bao-cao.pdf','upload',NULL,NULL,NULL,'vi',2,12345,'[]',NULL,'Internal',NULL,'2026-12-01T08:30:00.0000000Z',1,'["Page 2 has no text layer and OCR is switched off."]');
CREATE TABLE versions (
    document_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
);
INSERT INTO versions VALUES('ad7d54b4e06b5e77',1,'ad7d54b4e06b5e7771f33453de6ff9dc96111c8acd2863725bb90de7160aca90','2026-12-07T00:19:50.2286700Z');
INSERT INTO versions VALUES('b649eaa95a03651a',1,'b649eaa95a03651a53ce7ab80161e04efaeec60c22b1ac09942f6e5aea62616a','2026-12-07T00:19:51.1890118Z');
INSERT INTO versions VALUES('ad7d54b4e06b5e77',2,'01f42f058f2211739f115ad43dbe76db66c4a8efe2d9a50154cb8335dcfc5709','2026-12-07T00:19:57.8188477Z');
INSERT INTO versions VALUES('0123456789abcdef',1,'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc','2026-12-07T00:19:59.5955468Z');
CREATE TABLE pages (
    document_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    method TEXT NOT NULL,
    quality REAL,
    verdict TEXT NOT NULL,
    blocks TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);
INSERT INTO pages VALUES('b649eaa95a03651a',1,'LegacyTcvn3',0.95240000000000002433,'Repaired','[{"text":"C\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh l\u00E0 nhi\u1EC7m v\u1EE5 tr\u1ECDng t\u00E2m c\u1EE7a ch\u00EDnh quy\u1EC1n c\u00E1c c\u1EA5p.","kind":"paragraph","level":0},{"text":"Ng\u01B0\u1EDDi d\u00E2n \u0111\u01B0\u1EDDc h\u01B0\u1EDBng d\u1EABn \u0111\u1EA7y \u0111\u1EE7.","kind":"paragraph","level":0}]');
INSERT INTO pages VALUES('ad7d54b4e06b5e77',1,'TextLayer',1.0,'Ok','[{"text":"K\u1EBF ho\u1EA1ch c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh (s\u1EEDa \u0111\u1ED5i)","kind":"paragraph","level":0},{"text":"C\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh l\u00E0 nhi\u1EC7m v\u1EE5 tr\u1ECDng t\u00E2m, b\u1EA3n s\u1EEDa \u0111\u1ED5i.","kind":"paragraph","level":0}]');
INSERT INTO pages VALUES('0123456789abcdef',1,'TextLayer',1.0,'Ok','[{"text":"Ch\u01B0\u01A1ng 1","kind":"heading","level":1},{"text":"N\u1ED9i dung trang m\u1ED9t.","kind":"paragraph","level":0}]');
INSERT INTO pages VALUES('0123456789abcdef',2,'Empty',NULL,'NeedsOcr','[]');
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL,
    document_id TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    not_before TEXT
);
INSERT INTO jobs VALUES(1,'ad7d54b4e06b5e7771f33453de6ff9dc96111c8acd2863725bb90de7160aca90','Text','ke-hoach.txt','cli','Done','ad7d54b4e06b5e77',NULL,1,'{"title":"K\u1EBF ho\u1EA1ch c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh n\u0103m 2016","date":"2016-01-20","author":"S\u1EDF N\u1ED9i v\u1EE5","tags":["c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh","k\u1EBF ho\u1EA1ch","nh\u00E3n"],"collection":"V\u0103n b\u1EA3n","visibility":"private","addedBy":"root","sourceUrl":"https://example.vn/ke-hoach"}','2026-12-07T00:19:48.1241515Z','2026-12-07T00:19:51.3135309Z',NULL);
INSERT INTO jobs VALUES(2,'b649eaa95a03651a53ce7ab80161e04efaeec60c22b1ac09942f6e5aea62616a','Text','tcvn3.txt','cli','Done','b649eaa95a03651a',NULL,1,'{"tags":["nh\u00E3n"],"visibility":"public","addedBy":"root"}','2026-12-07T00:19:48.1677521Z','2026-12-07T00:19:51.3706518Z',NULL);
INSERT INTO jobs VALUES(3,'9092843df1b7646b4b4f8a6c7aa0d0a1563c38144b19ea266614ee5689d87869','Html','trang-chu.html','cli','Failed',NULL,'No searchable text: 1 page(s) are empty. No single article was found on this page (it looks like a home or list page); no article text was extracted.',1,'{"tags":["nh\u00E3n"],"visibility":"public","addedBy":"root"}','2026-12-07T00:19:48.1701578Z','2026-12-07T00:19:52.0614118Z',NULL);
INSERT INTO jobs VALUES(4,'ad7d54b4e06b5e7771f33453de6ff9dc96111c8acd2863725bb90de7160aca90','Text','ban-sao.txt','cli','Duplicate','ad7d54b4e06b5e77','Same content as "Kế hoạch cải cách hành chính năm 2016" (ad7d54b4e06b5e77).',0,'{"tags":[],"visibility":"public","addedBy":"root"}','2026-12-07T00:19:55.0892899Z','2026-12-07T00:19:55.0892899Z',NULL);
INSERT INTO jobs VALUES(5,'01f42f058f2211739f115ad43dbe76db66c4a8efe2d9a50154cb8335dcfc5709','Text','ke-hoach-v2.txt','cli','Done','ad7d54b4e06b5e77',NULL,1,'{"title":"K\u1EBF ho\u1EA1ch c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh n\u0103m 2016 (s\u1EEDa \u0111\u1ED5i)","date":"2016-01-20","author":"S\u1EDF N\u1ED9i v\u1EE5","tags":["c\u1EA3i c\u00E1ch h\u00E0nh ch\u00EDnh","k\u1EBF ho\u1EA1ch"],"collection":"V\u0103n b\u1EA3n","visibility":"private","addedBy":"root","sourceUrl":"https://example.vn/ke-hoach"}','2026-12-07T00:19:56.7435916Z','2026-12-07T00:19:58.3797482Z',NULL);
INSERT INTO jobs VALUES(6,'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd','Word','cho-thu-lai.docx','inbox','Queued',NULL,'The file could not be read: busy — will retry.',0,'{"title":"Ch\u1EDD th\u1EED l\u1EA1i","tags":[],"visibility":"public"}','2026-12-07T00:19:59.6949661Z','2026-12-07T00:19:59.8094367Z','2030-01-01T00:00:00.0000000Z');
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO settings VALUES('seeds-imported','2026-12-01T08:00:00.0000000+00:00');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('jobs',6);
CREATE INDEX documents_source_url ON documents(source_url);
CREATE INDEX versions_hash ON versions(content_hash);
CREATE INDEX jobs_state ON jobs(state, not_before);
CREATE INDEX jobs_hash ON jobs(content_hash);
COMMIT;
PRAGMA user_version = 1;
