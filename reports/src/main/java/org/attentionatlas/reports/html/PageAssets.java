package org.attentionatlas.reports.html;

/** The page's inline style sheet and script: layout, sticky contents, print rules, sortable tables, hover maps. */
final class PageAssets {

    private PageAssets() {
    }

    static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0;color:#222;display:grid;grid-template-columns:17em minmax(0,1fr)}
            #toc{grid-column:1;grid-row:1;position:sticky;top:0;height:100vh;overflow:auto;font-size:.85em;padding:1em .8em;background:#f6f7f9;border-right:1px solid #ddd;box-sizing:border-box}
            #toc ul{list-style:none;margin:0;padding-left:.9em}#toc>ul{padding-left:0}#toc li{margin:.15em 0}
            #toc a{color:#235;text-decoration:none}#toc a:hover{text-decoration:underline}
            main{grid-column:2;grid-row:1;padding:0 1.5em 3em;max-width:1500px}
            h1{font-size:1.5em}h2{border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em}h3 small,h4 small{font-weight:normal;color:#555}
            figure{margin:1em 1em 1em 0;overflow-x:auto}figcaption{font-size:.8em;color:#444;max-width:60em}
            code{font-size:.9em;white-space:pre-wrap;word-break:break-all}
            .row{display:flex;flex-wrap:wrap;align-items:flex-start}
            table{border-collapse:collapse;margin:1em 0;font-size:.85em}td,th{border:1px solid #ccc;padding:.15em .45em;text-align:left}
            table.sortable th{cursor:pointer;background:#eef;position:sticky;top:0}table.sortable th:after{content:" ⇅";color:#99a}
            td{font-variant-numeric:tabular-nums;max-width:36em;overflow-wrap:anywhere}
            .findings li{margin:.35em 0}.warn{color:#8a4b00;background:#fff4e0;padding:.3em .6em;border-left:3px solid #e0a030}
            body.linked{display:block}.more{font-weight:bold}
            @media (max-width:900px){body{display:block}#toc{position:static;height:auto}}
            @media print{body{display:block}#toc,.filter,.more{display:none}main{padding:0}a{color:inherit;text-decoration:none}
            figure,table,li{break-inside:avoid}h2,h3,h4{break-after:avoid}img{max-width:100%;height:auto}}
            """;

    /** Hover maps on demand, eager images for printing, table sorting and filtering. */
    static final String SCRIPT = """
            function atlasMap(stem,areas){var m=document.getElementById('map-'+stem);if(!m||m.childElementCount)return;
            areas.forEach(function(a){var e=document.createElement('area');e.shape=a[0];e.coords=a[1];e.title=a[2];e.alt=a[2];m.appendChild(e);});}
            document.addEventListener('mouseover',function(ev){var i=ev.target;if(i.tagName!=='IMG'||!i.dataset.map||i.dataset.loaded)return;
            i.dataset.loaded='1';var s=document.createElement('script');s.src=i.dataset.map;document.head.appendChild(s);});
            window.addEventListener('beforeprint',function(){document.querySelectorAll('img[loading=lazy]').forEach(function(i){i.loading='eager';});});
            function cellValue(td){var t=td.textContent.trim(),v=parseFloat(t);return isNaN(v)||!/^[-+0-9.]/.test(t)?t.toLowerCase():v;}
            document.querySelectorAll('table.sortable th').forEach(function(th,col){th.addEventListener('click',function(){
            var tb=th.closest('table').tBodies[0],rows=Array.from(tb.rows),asc=th.dataset.dir!=='asc';
            th.closest('tr').querySelectorAll('th').forEach(function(o){delete o.dataset.dir;});th.dataset.dir=asc?'asc':'desc';
            rows.sort(function(a,b){var x=cellValue(a.cells[col]),y=cellValue(b.cells[col]);
            var c=typeof x===typeof y?(x<y?-1:x>y?1:0):(typeof x==='number'?-1:1);return asc?c:-c;});
            rows.forEach(function(r){tb.appendChild(r);});});});
            document.querySelectorAll('input[data-table]').forEach(function(inp){inp.addEventListener('input',function(){
            var words=inp.value.toLowerCase().split(/\\s+/).filter(Boolean);
            Array.from(document.getElementById(inp.dataset.table).tBodies[0].rows).forEach(function(r){
            var t=r.textContent.toLowerCase();r.style.display=words.every(function(w){return t.indexOf(w)>=0;})?'':'none';});});});
            """;
}
