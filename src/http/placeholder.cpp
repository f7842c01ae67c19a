#include "http/placeholder.hpp"

namespace sanpi::http {

std::string_view placeholder_html() {
    static constexpr std::string_view kPage = R"(<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>三个一批 项目管理系统 / Sanpi</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head>
<body>
<h1>三个一批 项目管理系统 / Sanpi</h1>
<p>开发区“签约一批、开工一批、投产一批”项目管理系统。网页界面即将上线；接口已可使用。</p>
<p>Development-zone “three batches” project system. The web interface is coming soon; the API is available.</p>
<ul>
<li><a href="/healthz">/healthz</a> — 运行状态 / health check</li>
<li><code>/api/v1/</code> — 接口 / JSON API</li>
</ul>
</body>
</html>
)";
    return kPage;
}

}  // namespace sanpi::http
