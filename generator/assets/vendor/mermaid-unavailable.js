/* 清廉学堂 does not render Mermaid diagrams; this stub stands where Material would fetch Mermaid from the internet. */
console.warn("清廉学堂：本站不支持 Mermaid 图表。");
