const yn=933,_n=[933],In={6933:((on,W,_)=>{_.r(W),_.d(W,{STATUS_COMMENT_LIMIT:()=>F,renderRefusal:()=>rn,renderStatusComment:()=>sn});var ln=_(3340),un=_(3024),cn=_(481),an=_(4169),fn=_(1455);const tt=43,nt=45,et=10,st=13,L=4096,G=null,rt=Buffer.from("diff --git "),z=Buffer.from("@@"),Y=Buffer.from("+++ b/"),ot=Buffer.from("GIT binary patch"),it=Buffer.from("Binary files "),K=Buffer.from(" differ");function I(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function lt(t){const n=t.slice(11),e=n.match(/^"a\/(.*)" "b\/(.*)"$/);if(e?.[2])return e[2];const s=(n.length-1)/2;if(Number.isInteger(s)&&n.slice(0,s).replace(/^a\//,"")===n.slice(s+1).replace(/^b\//,""))return n.slice(s+1).replace(/^b\//,"");const r=n.lastIndexOf(" b/");return r>=0?n.slice(r+3):n}function hn(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class Z{files=[];current;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(et,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+L))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+L));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,L):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===st?n.subarray(0,-1):n;if(I(e,rt)){this.current={path:lt(e.toString("utf8")),additions:0,deletions:0,binary:!1},this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const r=e[0];this.inHunk?r===tt?s.additions++:r===nt?s.deletions++:I(e,z)&&(this.inHunk=!0):I(e,z)?this.inHunk=!0:I(e,ot)||I(e,it)&&e.subarray(-K.length).equals(K)?s.binary=!0:I(e,Y)&&(s.path=e.subarray(Y.length).toString("utf8"))}}async function dn(t){const n=new Z,e=await open(t,"r");try{const s=Buffer.allocUnsafe(G);for(;;){const{bytesRead:r}=await e.read(s,0,G,null);if(r===0)break;n.push(s.subarray(0,r))}}finally{await e.close()}return n.end()}function mn(t){const n=new Z;return n.push(Buffer.from(t)),n.end()}const ut=1e6,U=null,ct=300,B=300,at=2e3,ft={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},b=t=>Buffer.byteLength(t,"utf8");function g(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function A(t){return g(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function q(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function O(t,n=""){const e=q(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function T(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function ht(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function C(t,n){return b(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function dt(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:r}=t;r?.kind==="pull-request"?s.push(`[Pull request${r.number===null?"":` #${r.number}`}](${r.url}) (${r.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const i=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),o=[["State",normalizeState(n.state)],["Agent",i],["Duration",ht(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",r?.kind==="commit"?mt(r,e):""],["Delivered",r?.kind==="none"?A(r.reason):""]].filter(([,u])=>u!=="").map(([u,a])=>`| ${u} | ${a} |`).join(`
`);let c=`## ${ft[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${o}

`;return t.failure&&(c+=`> [!CAUTION]
> ${g(t.failure).replace(/\n/g,`
> `)}

`),c}function mt(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${A(t.branch)}\``}function gt(t){return t.length<=ct&&!t.includes(`
`)?`### Prompt

${O(t,"text")}
`:`### Prompt

${T(`Prompt (${t.length} characters)`,O(C(t,U),"text"))}
`}function pt(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${C(n.result,U)}

`);const s=n.steps??[];if(s.length>0){const r=s.map((i,l)=>`${l+1}. **${g(i.title)}**${i.message?`: ${g(i.message)}`:""}`).join(`
`);e+=T(`Steps (${s.length})`,C(r,U))+`
`}return e}function $t(t,n,e){const s=t.length===1?"file":"files";let r=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;r+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const i of t.slice(0,B))r+=`| \`${A(i.path)}\`${i.binary?" (binary)":""} | ${i.additions} | ${i.deletions} |
`;return t.length>B&&(r+=`
_\u2026and ${t.length-B} more files._
`),r+`
`}function J(t){return 400+2*b(t.path)}function yt(t){const{stat:n}=t,e=`<code>${g(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return T(e,`_Binary file: its content is not shown._
`);const s=O(t.lines.join(`
`),"diff");return t.cut?T(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):T(e,s)}async function _t(t,n,e,s){let r="",i=0,l=0,o;const c=()=>e-b(r),u=()=>{o&&(r+=s(yt(o)),o.cut||i++,o=void 0)},a=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of a){if(f.startsWith("diff --git ")){u();const y=n[l++]??{path:"",additions:0,deletions:0,binary:!1};if(J(y)>c())break;o={stat:y,lines:[],size:0,binary:y.binary,cut:!1}}if(!o||o.binary)continue;if(isBinaryMarker(f)){o.binary=!0,o.lines=[];continue}const $=b(f)+1;if(o.size+$+J(o.stat)>c()){o.cut=!0;break}o.size+=$,o.lines.push(f)}}finally{a.close()}const m=o?.cut&&o.lines.length>0?o.stat.path:void 0;return o&&(!o.cut||m)&&u(),{markdown:r,whole:i,cutPath:m}}function It(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${g(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${g(e)}\`).
`}async function bt(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e($t(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const r=ut-n-b(s)-at-100,i=await _t(t.resultFile,t.stat.files,Math.max(0,r),e);s+=`### Diff

${i.markdown}
`,s+=It(i,t.stat.files.length,t.resultFile)}return s}async function gn(t,n){const e=n(dt(t)+gt(t.prompt)+pt(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await bt(s??Tt,b(e),n)}const Tt={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function pn(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,r])=>`| ${s} | ${r} |`).join(`
`)}

`),e+(t.body??"")}async function $n(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}var N=_(504);const F=6e4,Nt=2e4,St=4e3,V=4e3,Et=200,Mt=400,xt=5,X=20,Rt=400,j=100,kt=300,Lt=1e3,Q=4*F,P="\u200D",Ut=N.Km.replace(":",`:${P}`),Bt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"},At=/[\u0000-\u0008\u000b-\u001f\u007f]/g,Ot=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function d(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>Q;return{text:(e?n.slice(0,Q):n).replace(/\r\n?/g,`
`).replace(At,"").replace(Ot,"\uFFFD").split(N.Km).join(Ut),cut:e}}const Ct=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function w(t){return t.replace(Ct,(n,e)=>e!==void 0?`${e}@${P}`:n==="#"||n.toLowerCase()==="gh-"?n+P:n)}function E(t){return t.replace(/\s+/g," ").trim()}function Ft(t){return g(w(E(t)))}function M(t){const n=E(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(i=>i.length)),s="`".repeat(e+1),r=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${r}${n}${r}${s}`}function jt(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function x(t){const n=o=>w(o).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(o=>({at:o.index,length:o[0].length})),s=new Map;e.forEach((o,c)=>{const u=s.get(o.length);u?u.push(c):s.set(o.length,[c])});const r=(o,c)=>{const u=s.get(o)??[];let a=0,m=u.length;for(;a<m;){const f=a+m>>1;(u[f]??0)>c?m=f:a=f+1}return u[a]};let i="",l=0;for(let o=0;o<e.length;o++){const c=e[o];if(!c)break;let{at:u,length:a}=c,m=0;for(;t[u-1-m]==="\\";)m++;if(m%2===1&&(u++,a--),a===0)continue;const f=r(a,o),$=f===void 0?void 0:e[f];if(f===void 0||!$)continue;let y=t.slice(u+a,$.at);i+=n(t.slice(l,u)),/[<@#]/.test(y)?(/^ .*[^ ].* $/.test(y)&&(y=y.slice(1,-1)),i+=`<code>${jt(y)}</code>`):i+=t.slice(u,$.at+$.length),l=$.at+$.length,o=f}return i+n(t.slice(l))}const Pt=t=>t>=55296&&t<=56319,wt=t=>t>=56320&&t<=57343;function Ht(t,n){const e=n>0&&n<t.length&&Pt(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function Dt(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&wt(t.charCodeAt(e))?e+1:e)}function Wt(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function h(t,n,e,s="start"){const r=8*n+64;if(t.length<=r){const o=e(t);if(o.length<=n)return{text:o,cut:!1}}const i=o=>s==="start"?`${Ht(t,o)}\u2026`:`\u2026${Dt(t,o)}`,l=Wt(Math.min(t.length,r),o=>e(i(o)).length<=n);return{text:e(i(l)),cut:!0}}const Gt=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,zt=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function Yt(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const l=zt.exec(s)?.[1];if(l&&l[0]===e.char&&l.length>=e.length){e=void 0;continue}const o=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(o,e.indent)));continue}const r=Gt.exec(s),i=r?.[2]??r?.[4];if(r&&i){const l=(r[3]??r[5]??"").trim().split(/\s+/)[0]??"",o=[];e={char:i[0]??"`",length:i.length,indent:r[1]?.length??0,lines:o},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(l)?l:"",lines:o});continue}n.push({code:!1,line:s})}return n}function H(t,n=""){const e=q(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function Kt(t){return t.code?H(t.lines.join(`
`),t.info):x(t.line)}function Zt(t,n){const e=[];let s=0;for(const r of Yt(t.text)){const i=Kt(r);if(s+i.length+1<=n){e.push(i),s+=i.length+1;continue}const l=n-s-1;if(l>20){const o=r.code?h(r.lines.join(`
`),l,c=>H(c,r.info)):h(r.line,l,x);e.push(o.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function p(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Lt?t:`[${t}](${e})`}function R(t){return h(d(t).text,j,Ft).text}function k(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function S(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function qt(t){if(t.phase==="working"){const n=[R(t.agent),R(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return`## ${t.outcome?Bt[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function Jt(t){const n=[];if(t.phase==="finished"){const s=R(t.agent),r=R(t.model);s?n.push(`**${s}**${r?` (${r})`:""}`):r&&n.push(r),t.outcome!=="started"&&n.push(k(t.steps.length,"step","steps"))}const e=t.runnerId?h(d(t.runnerId).text,j,M).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function Vt(t){const n=[p("Open in Netlify",t.runnerUrl),p("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push(p("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function Xt(t,n){const e=h(E(d(t?.title).text),Et,x).text,s=h(E(d(t?.message).text),Mt,x).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function Qt(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-xt),e=t.length-n.length,s=e>0?`_\u2026${k(e,"earlier step","earlier steps")}, then:_

`:"",r=n.map((i,l)=>Xt(i,e+l)).join(`
`);return`### Steps so far: ${S(t.length)}

${s}${r}`}function v(t,n,e){const s=r=>r.split(`
`).map(i=>i.trim()?`> ${g(w(i.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${h(d(n).text.trim(),e,s).text}`}function vt(t){const n=[],e=t.pullRequest;if(e){const r=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${p(r,e.url)}.`)}if(t.commit){const r=d(t.commit.sha).text.trim(),i=/^[0-9a-f]{7,64}$/i.test(r)?r.slice(0,7):h(r,j,M).text,l=h(d(t.commit.branch).text,kt,M).text;n.push(`\u{1F4CC} Committed ${i} to ${l}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function tn(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=i=>h(d(i).text,Rt,l=>M(l).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,X).map(i=>i.binary?`| ${e(i.path)} | binary | |`:`| ${e(i.path)} | ${S(i.additions)} | ${S(i.deletions)} |`),r=n.files.length-X;return[`### ${k(n.files.length,"file","files")} changed, +${S(n.additions)} \u2212${S(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...r>0?[`_\u2026and ${k(r,"more file","more files")}._`]:[],`The full diff is in the ${p("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function D(t){const n=d(t.prompt);if(!n.text.trim())return"";const e=h(n.text,St,r=>H(r,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${p("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function nn(t,n){const{text:e,cut:s}=d(t.result),r={text:e.trimEnd(),cut:s};if(!r.text.trim())return"";const i=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${p("job summary",t.workflowRunUrl)}.`,l="### Result",o=Math.min(Nt,n-l.length-i.length-4);if(o<=0)return`${l}

${i}`;const c=Zt(r,o);return`${l}

${c.text}${c.cut?`

${i}`:""}`}function en(t){if(!t.seal||!t.runnerId||!(0,N.q9)(t.runnerId))return"";const n=t.sessionId&&(0,N.q9)(t.sessionId)?t.sessionId:void 0;return(0,N.gJ)({runnerId:t.runnerId,sessionId:n},t.seal)}function sn(t){const n=en(t),e=[qt(t),Jt(t),Vt(t)];let s;t.phase==="working"?s=[Qt(t.steps),D(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${p("Netlify dashboard",t.runnerUrl)}.`,D(t)]:(t.failure?.trim()&&e.push(v("CAUTION",t.failure,V)),e.push(vt(t),tn(t)),s=[D(t)]);const r=o=>o.filter(Boolean).join(`

`),i=r([...e,...s,n]).length,l=t.phase==="finished"?nn(t,F-i-2):"";return r([...e,l,...s,n])}function rn(t,n){return["## \u26D4 Netlify agent run not started",v("WARNING",t,V),`See the ${p("workflow run",n)} for details.`].join(`

`)}})};export{yn as id,_n as ids,In as modules};
