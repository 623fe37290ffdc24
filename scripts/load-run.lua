-- wrk script for scripts/load-run.sh: signed-in searches (Authorization: Bearer $KB_TOKEN), questions typed with
-- and without accents, short and long, in turn. Counts answers that are not 200 (wrk's own line counts only
-- non-2xx/3xx) and prints them at the end.
local token = os.getenv("KB_TOKEN") or ""
local queries = {
  "cải cách hành chính", "cai cach hanh chinh", "án lệ", "an le hop dong vay tai san",
  "thủ tục hành chính một cửa", "thu tuc hanh chinh mot cua", "CCHC", "quyền sử dụng đất",
  "hợp đồng chuyển nhượng quyền sử dụng đất bị vô hiệu thì xử lý thế nào",
  "trach nhiem boi thuong thiet hai ngoai hop dong", "chính quyền điện tử", "tòa án nhân dân tối cao",
  "bồi dưỡng cán bộ công chức cấp xã", "chinh phu dien tu", "dịch vụ công trực tuyến mức độ 4",
}
local counter = 0
local bad = 0

local function encode(s)
  return (s:gsub("([^%w%-%._~])", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?q=" .. encode(q), { ["Authorization"] = "Bearer " .. token })
end

response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
