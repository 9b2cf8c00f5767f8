const bn=933,Nn=[933],Sn={6933:((an,G,_)=>{_.r(G),_.d(G,{MARKER_PREFIX:()=>b,STATUS_COMMENT_LIMIT:()=>C,formatMarker:()=>tt,parseMarker:()=>Ct,renderRefusal:()=>cn,renderStatusComment:()=>ln});var fn=_(6257),hn=_(3024),dn=_(481),mn=_(4169),gn=_(1455);const et=43,st=45,rt=10,ot=13,A=4096,z=null,it=Buffer.from("diff --git "),Y=Buffer.from("@@"),Z=Buffer.from("+++ b/"),ut=Buffer.from("GIT binary patch"),lt=Buffer.from("Binary files "),K=Buffer.from(" differ");function I(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function ct(t){const n=t.slice(11),e=n.match(/^"a\/(.*)" "b\/(.*)"$/);if(e?.[2])return e[2];const s=(n.length-1)/2;if(Number.isInteger(s)&&n.slice(0,s).replace(/^a\//,"")===n.slice(s+1).replace(/^b\//,""))return n.slice(s+1).replace(/^b\//,"");const r=n.lastIndexOf(" b/");return r>=0?n.slice(r+3):n}function $n(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class X{files=[];current;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(rt,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+A))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+A));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,A):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===ot?n.subarray(0,-1):n;if(I(e,it)){this.current={path:ct(e.toString("utf8")),additions:0,deletions:0,binary:!1},this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const r=e[0];this.inHunk?r===et?s.additions++:r===st?s.deletions++:I(e,Y)&&(this.inHunk=!0):I(e,Y)?this.inHunk=!0:I(e,ut)||I(e,lt)&&e.subarray(-K.length).equals(K)?s.binary=!0:I(e,Z)&&(s.path=e.subarray(Z.length).toString("utf8"))}}async function pn(t){const n=new X,e=await open(t,"r");try{const s=Buffer.allocUnsafe(z);for(;;){const{bytesRead:r}=await e.read(s,0,z,null);if(r===0)break;n.push(s.subarray(0,r))}}finally{await e.close()}return n.end()}function yn(t){const n=new X;return n.push(Buffer.from(t)),n.end()}const at=1e6,L=null,ft=300,U=300,ht=2e3,dt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},T=t=>Buffer.byteLength(t,"utf8");function g(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function B(t){return g(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function q(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function O(t,n=""){const e=q(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function N(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function mt(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function F(t,n){return T(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function gt(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:r}=t;r?.kind==="pull-request"?s.push(`[Pull request${r.number===null?"":` #${r.number}`}](${r.url}) (${r.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const i=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),o=[["State",normalizeState(n.state)],["Agent",i],["Duration",mt(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",r?.kind==="commit"?$t(r,e):""],["Delivered",r?.kind==="none"?B(r.reason):""]].filter(([,l])=>l!=="").map(([l,a])=>`| ${l} | ${a} |`).join(`
`);let c=`## ${dt[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${o}

`;return t.failure&&(c+=`> [!CAUTION]
> ${g(t.failure).replace(/\n/g,`
> `)}

`),c}function $t(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${B(t.branch)}\``}function pt(t){return t.length<=ft&&!t.includes(`
`)?`### Prompt

${O(t,"text")}
`:`### Prompt

${N(`Prompt (${t.length} characters)`,O(F(t,L),"text"))}
`}function yt(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${F(n.result,L)}

`);const s=n.steps??[];if(s.length>0){const r=s.map((i,u)=>`${u+1}. **${g(i.title)}**${i.message?`: ${g(i.message)}`:""}`).join(`
`);e+=N(`Steps (${s.length})`,F(r,L))+`
`}return e}function _t(t,n,e){const s=t.length===1?"file":"files";let r=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;r+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const i of t.slice(0,U))r+=`| \`${B(i.path)}\`${i.binary?" (binary)":""} | ${i.additions} | ${i.deletions} |
`;return t.length>U&&(r+=`
_\u2026and ${t.length-U} more files._
`),r+`
`}function J(t){return 400+2*T(t.path)}function It(t){const{stat:n}=t,e=`<code>${g(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return N(e,`_Binary file: its content is not shown._
`);const s=O(t.lines.join(`
`),"diff");return t.cut?N(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):N(e,s)}async function Tt(t,n,e,s){let r="",i=0,u=0,o;const c=()=>e-T(r),l=()=>{o&&(r+=s(It(o)),o.cut||i++,o=void 0)},a=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of a){if(f.startsWith("diff --git ")){l();const y=n[u++]??{path:"",additions:0,deletions:0,binary:!1};if(J(y)>c())break;o={stat:y,lines:[],size:0,binary:y.binary,cut:!1}}if(!o||o.binary)continue;if(isBinaryMarker(f)){o.binary=!0,o.lines=[];continue}const p=T(f)+1;if(o.size+p+J(o.stat)>c()){o.cut=!0;break}o.size+=p,o.lines.push(f)}}finally{a.close()}const m=o?.cut&&o.lines.length>0?o.stat.path:void 0;return o&&(!o.cut||m)&&l(),{markdown:r,whole:i,cutPath:m}}function bt(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${g(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${g(e)}\`).
`}async function Nt(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e(_t(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const r=at-n-T(s)-ht-100,i=await Tt(t.resultFile,t.stat.files,Math.max(0,r),e);s+=`### Diff

${i.markdown}
`,s+=bt(i,t.stat.files.length,t.resultFile)}return s}async function _n(t,n){const e=n(gt(t)+pt(t.prompt)+yt(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await Nt(s??St,T(e),n)}const St={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function In(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,r])=>`| ${s} | ${r} |`).join(`
`)}

`),e+(t.body??"")}async function Tn(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}const b="netlify-agent-runners-action:status",C=6e4,Et=2e4,Mt=4e3,V=4e3,Rt=200,xt=400,kt=5,Q=20,At=400,j=100,Lt=300,Ut=1e3,v=4*C,P=/^[A-Za-z0-9_-]{1,128}$/,Bt=/^ runner=([A-Za-z0-9_-]{1,128})(?: session=([A-Za-z0-9_-]{1,128}))? $/,w="\u200D",Ot=b.replace(":",`:${w}`),Ft={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"};function tt(t){for(const[e,s]of[["runner",t.runnerId],["session",t.sessionId]])if(s!==void 0&&!P.test(s))throw new Error(`The status comment marker takes ${e} ids of letters, digits, '-' and '_' only, not ${JSON.stringify(s.slice(0,140))}.`);const n=t.sessionId===void 0?"":` session=${t.sessionId}`;return`<!-- ${b} runner=${t.runnerId}${n} -->`}function Ct(t){const n=t.lastIndexOf(b);if(n<5||t.slice(n-5,n)!=="<!-- ")return;const e=t.indexOf("-->",n);if(e<0)return;const s=Bt.exec(t.slice(n+b.length,e));if(s?.[1])return{runnerId:s[1],sessionId:s[2]}}const jt=/[\u0000-\u0008\u000b-\u001f\u007f]/g,Pt=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function d(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>v;return{text:(e?n.slice(0,v):n).replace(/\r\n?/g,`
`).replace(jt,"").replace(Pt,"\uFFFD").split(b).join(Ot),cut:e}}const wt=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function D(t){return t.replace(wt,(n,e)=>e!==void 0?`${e}@${w}`:n==="#"||n.toLowerCase()==="gh-"?n+w:n)}function E(t){return t.replace(/\s+/g," ").trim()}function Dt(t){return g(D(E(t)))}function M(t){const n=E(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(i=>i.length)),s="`".repeat(e+1),r=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${r}${n}${r}${s}`}function Ht(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function R(t){const n=o=>D(o).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(o=>({at:o.index,length:o[0].length})),s=new Map;e.forEach((o,c)=>{const l=s.get(o.length);l?l.push(c):s.set(o.length,[c])});const r=(o,c)=>{const l=s.get(o)??[];let a=0,m=l.length;for(;a<m;){const f=a+m>>1;(l[f]??0)>c?m=f:a=f+1}return l[a]};let i="",u=0;for(let o=0;o<e.length;o++){const c=e[o];if(!c)break;let{at:l,length:a}=c,m=0;for(;t[l-1-m]==="\\";)m++;if(m%2===1&&(l++,a--),a===0)continue;const f=r(a,o),p=f===void 0?void 0:e[f];if(f===void 0||!p)continue;let y=t.slice(l+a,p.at);i+=n(t.slice(u,l)),/[<@#]/.test(y)?(/^ .*[^ ].* $/.test(y)&&(y=y.slice(1,-1)),i+=`<code>${Ht(y)}</code>`):i+=t.slice(l,p.at+p.length),u=p.at+p.length,o=f}return i+n(t.slice(u))}const Wt=t=>t>=55296&&t<=56319,Gt=t=>t>=56320&&t<=57343;function zt(t,n){const e=n>0&&n<t.length&&Wt(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function Yt(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&Gt(t.charCodeAt(e))?e+1:e)}function Zt(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function h(t,n,e,s="start"){const r=8*n+64;if(t.length<=r){const o=e(t);if(o.length<=n)return{text:o,cut:!1}}const i=o=>s==="start"?`${zt(t,o)}\u2026`:`\u2026${Yt(t,o)}`,u=Zt(Math.min(t.length,r),o=>e(i(o)).length<=n);return{text:e(i(u)),cut:!0}}const Kt=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,Xt=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function qt(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const u=Xt.exec(s)?.[1];if(u&&u[0]===e.char&&u.length>=e.length){e=void 0;continue}const o=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(o,e.indent)));continue}const r=Kt.exec(s),i=r?.[2]??r?.[4];if(r&&i){const u=(r[3]??r[5]??"").trim().split(/\s+/)[0]??"",o=[];e={char:i[0]??"`",length:i.length,indent:r[1]?.length??0,lines:o},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(u)?u:"",lines:o});continue}n.push({code:!1,line:s})}return n}function H(t,n=""){const e=q(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function Jt(t){return t.code?H(t.lines.join(`
`),t.info):R(t.line)}function Vt(t,n){const e=[];let s=0;for(const r of qt(t.text)){const i=Jt(r);if(s+i.length+1<=n){e.push(i),s+=i.length+1;continue}const u=n-s-1;if(u>20){const o=r.code?h(r.lines.join(`
`),u,c=>H(c,r.info)):h(r.line,u,R);e.push(o.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function $(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Ut?t:`[${t}](${e})`}function x(t){return h(d(t).text,j,Dt).text}function k(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function S(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function Qt(t){if(t.phase==="working"){const n=[x(t.agent),x(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return`## ${t.outcome?Ft[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function vt(t){const n=[];if(t.phase==="finished"){const s=x(t.agent),r=x(t.model);s?n.push(`**${s}**${r?` (${r})`:""}`):r&&n.push(r),t.outcome!=="started"&&n.push(k(t.steps.length,"step","steps"))}const e=t.runnerId?h(d(t.runnerId).text,j,M).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function tn(t){const n=[$("Open in Netlify",t.runnerUrl),$("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push($("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function nn(t,n){const e=h(E(d(t?.title).text),Rt,R).text,s=h(E(d(t?.message).text),xt,R).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function en(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-kt),e=t.length-n.length,s=e>0?`_\u2026${k(e,"earlier step","earlier steps")}, then:_

`:"",r=n.map((i,u)=>nn(i,e+u)).join(`
`);return`### Steps so far: ${S(t.length)}

${s}${r}`}function nt(t,n,e){const s=r=>r.split(`
`).map(i=>i.trim()?`> ${g(D(i.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${h(d(n).text.trim(),e,s).text}`}function sn(t){const n=[],e=t.pullRequest;if(e){const r=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${$(r,e.url)}.`)}if(t.commit){const r=d(t.commit.sha).text.trim(),i=/^[0-9a-f]{7,64}$/i.test(r)?r.slice(0,7):h(r,j,M).text,u=h(d(t.commit.branch).text,Lt,M).text;n.push(`\u{1F4CC} Committed ${i} to ${u}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function rn(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=i=>h(d(i).text,At,u=>M(u).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,Q).map(i=>i.binary?`| ${e(i.path)} | binary | |`:`| ${e(i.path)} | ${S(i.additions)} | ${S(i.deletions)} |`),r=n.files.length-Q;return[`### ${k(n.files.length,"file","files")} changed, +${S(n.additions)} \u2212${S(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...r>0?[`_\u2026and ${k(r,"more file","more files")}._`]:[],`The full diff is in the ${$("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function W(t){const n=d(t.prompt);if(!n.text.trim())return"";const e=h(n.text,Mt,r=>H(r,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${$("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function on(t,n){const{text:e,cut:s}=d(t.result),r={text:e.trimEnd(),cut:s};if(!r.text.trim())return"";const i=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${$("job summary",t.workflowRunUrl)}.`,u="### Result",o=Math.min(Et,n-u.length-i.length-4);if(o<=0)return`${u}

${i}`;const c=Vt(r,o);return`${u}

${c.text}${c.cut?`

${i}`:""}`}function un(t){if(!t.runnerId||!P.test(t.runnerId))return"";const n=t.sessionId&&P.test(t.sessionId)?t.sessionId:void 0;return tt({runnerId:t.runnerId,sessionId:n})}function ln(t){const n=un(t),e=[Qt(t),vt(t),tn(t)];let s;t.phase==="working"?s=[en(t.steps),W(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${$("Netlify dashboard",t.runnerUrl)}.`,W(t)]:(t.failure?.trim()&&e.push(nt("CAUTION",t.failure,V)),e.push(sn(t),rn(t)),s=[W(t)]);const r=o=>o.filter(Boolean).join(`

`),i=r([...e,...s,n]).length,u=t.phase==="finished"?on(t,C-i-2):"";return r([...e,u,...s,n])}function cn(t,n){return["## \u26D4 Netlify agent run not started",nt("WARNING",t,V),`See the ${$("workflow run",n)} for details.`].join(`

`)}})};export{bn as id,Nn as ids,Sn as modules};
